package dev.neanelu.simulator.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.neanelu.simulator.catalog.MetafieldPermissions;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.ProductOrder;
import dev.neanelu.simulator.catalog.ProductSearch;
import dev.neanelu.simulator.catalog.Variant;
import dev.neanelu.simulator.cost.QueryCost;
import dev.neanelu.simulator.graphql.Connections;
import dev.neanelu.simulator.graphql.GqlObject;
import dev.neanelu.simulator.graphql.ProductObject;
import dev.neanelu.simulator.graphql.ShopifyScalars;
import dev.neanelu.simulator.graphql.VariantObject;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.support.Json;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Streams a bulk query's result as Shopify's JSONL: one line per node of a connection, nested
 * connections flattened into their own lines carrying {@code __parentId}, non-connection objects
 * kept inline. Values come from the same {@link GqlObject}s as normal queries and are serialized by
 * the same scalars, so a bulk line equals the node a normal query returns.
 */
final class JsonlExport {

  /** Signals the exporter to stop (cancel or injected failure). */
  static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** Checked once per emitted object: progress, pacing, cancellation, injected failure. */
  interface Progress {
    void object(boolean root);
  }

  private final GraphQLSchema schema;
  private final ExecutableNormalizedField root;
  private final LineSink sink;
  private final Progress progress;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);

  JsonlExport(
      GraphQLSchema schema, ExecutableNormalizedField root, LineSink sink, Progress progress) {
    this.schema = schema;
    this.root = root;
    this.sink = sink;
    this.progress = progress;
  }

  void run(Shop shop) throws IOException {
    ExecutableNormalizedField node = nodeSelection(root);
    Iterator<GqlObject> roots = roots(shop);
    while (roots.hasNext()) {
      emit(roots.next(), node, null, 0);
    }
    sink.finish();
  }

  private Iterator<GqlObject> roots(Shop shop) {
    Map<String, Object> args = root.getResolvedArguments();
    Predicate<Product> filter = ProductSearch.parse((String) args.get("query"));
    boolean reverse = Boolean.TRUE.equals(args.get("reverse"));
    List<Product> products =
        shop.catalog()
            .slice(
                ProductOrder.of(args.get("sortKey")), reverse, null, filter, Integer.MAX_VALUE - 1);
    Iterator<Product> it = products.iterator();
    MetafieldPermissions permissions = shop.metafieldPermissions();
    if (root.getName().equals("products")) {
      return new Iterator<>() {
        public boolean hasNext() {
          return it.hasNext();
        }

        public GqlObject next() {
          return new ProductObject(it.next(), permissions);
        }
      };
    }
    List<GqlObject> variants = new ArrayList<>();
    for (Product p : products) {
      for (Variant v : p.variants()) {
        variants.add(new VariantObject(v, p, permissions));
      }
    }
    return variants.iterator();
  }

  private void emit(GqlObject object, ExecutableNormalizedField node, String parentId, int depth)
      throws IOException {
    progress.object(depth == 0);
    List<ExecutableNormalizedField> connections = new ArrayList<>();
    buffer.reset();
    try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
      g.writeStartObject();
      for (ExecutableNormalizedField child : applicable(node, object)) {
        if (isConnection(child)) {
          connections.add(child);
          continue;
        }
        g.writeFieldName(child.getResultKey());
        writeValue(g, child, resolve(object, child));
      }
      if (parentId != null) {
        g.writeStringField("__parentId", parentId);
      }
      g.writeEndObject();
    }
    String id = (String) object.get("id", Map.of());
    sink.line(depth, buffer.toByteArray(), id, parentId);
    for (ExecutableNormalizedField connection : connections) {
      Map<String, Object> args = new HashMap<>(connection.getResolvedArguments());
      args.put(Connections.BULK, Boolean.TRUE);
      GqlObject page = (GqlObject) object.get(connection.getName(), args);
      ExecutableNormalizedField childNode = nodeSelection(connection);
      for (Object child : (List<?>) page.get("nodes", Map.of())) {
        emit((GqlObject) child, childNode, id, depth + 1);
      }
    }
  }

  private void writeValue(JsonGenerator g, ExecutableNormalizedField field, Object value)
      throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        writeValue(g, field, element);
      }
      g.writeEndArray();
    } else if (value instanceof GqlObject object) {
      g.writeStartObject();
      for (ExecutableNormalizedField child : applicable(field, object)) {
        if (!isConnection(child)) {
          g.writeFieldName(child.getResultKey());
          writeValue(g, child, resolve(object, child));
        }
      }
      g.writeEndObject();
    } else {
      GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType(schema));
      if (type instanceof GraphQLScalarType scalar) {
        g.writeObject(ShopifyScalars.serialize(scalar.getName(), value));
      } else if (type instanceof GraphQLEnumType) {
        g.writeString(value.toString());
      } else {
        g.writeObject(value);
      }
    }
  }

  private static Object resolve(GqlObject object, ExecutableNormalizedField field) {
    if (field.getName().equals("__typename")) {
      return object.typeName();
    }
    return object.get(field.getName(), field.getResolvedArguments());
  }

  private static List<ExecutableNormalizedField> applicable(
      ExecutableNormalizedField parent, GqlObject object) {
    List<ExecutableNormalizedField> out = new ArrayList<>();
    for (ExecutableNormalizedField child : parent.getChildren()) {
      if (child.getObjectTypeNames().contains(object.typeName())) {
        out.add(child);
      }
    }
    return out;
  }

  private boolean isConnection(ExecutableNormalizedField field) {
    return QueryCost.isConnection(GraphQLTypeUtil.unwrapAll(field.getType(schema)));
  }

  /** The node selection of a connection: {@code edges { node { … } }} or {@code nodes { … }}. */
  private static ExecutableNormalizedField nodeSelection(ExecutableNormalizedField connection) {
    for (ExecutableNormalizedField child : connection.getChildren()) {
      if (child.getName().equals("nodes")) {
        return child;
      }
      if (child.getName().equals("edges")) {
        for (ExecutableNormalizedField edgeChild : child.getChildren()) {
          if (edgeChild.getName().equals("node")) {
            return edgeChild;
          }
        }
      }
    }
    return ExecutableNormalizedField.newNormalizedField().fieldName("id").build();
  }
}
