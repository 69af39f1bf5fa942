package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.bulk.BulkOperation;
import dev.neanelu.simulator.catalog.Gid;
import dev.neanelu.simulator.catalog.MetafieldPermissions;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.ProductOrder;
import dev.neanelu.simulator.catalog.ProductSearch;
import dev.neanelu.simulator.catalog.SortPosition;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.shop.WebhookSubscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code QueryRoot}: shop, products, variants, node(s), bulk operations, webhook subscriptions and
 * metafield definitions.
 */
public final class QueryRootObject implements GqlObject {

  private final SimulatorContext context;
  private final Shop shop;

  public QueryRootObject(SimulatorContext context, Shop shop) {
    this.context = context;
    this.shop = shop;
  }

  @Override
  public String typeName() {
    return "QueryRoot";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    return switch (field) {
      case "shop" -> new ShopObject(shop);
      case "products" -> products(args);
      case "product" -> Nodes.product(shop, (String) args.get("id"));
      case "productVariant" -> Nodes.variant(shop, (String) args.get("id"));
      case "productVariants" -> VariantListing.connection(shop, args);
      case "node" -> Nodes.find(context, shop, (String) args.get("id"));
      case "nodes" -> nodes(args);
      case "bulkOperation" -> bulkOperation((String) args.get("id"));
      case "bulkOperations" -> bulkOperations(args);
      case "currentBulkOperation" -> currentBulkOperation(args);
      case "webhookSubscriptions" -> webhookSubscriptions(args);
      case "metafieldDefinitions" -> MetafieldDefinitionObject.connection(shop, args);
      default ->
          throw new ApiError(
              "The simulator does not implement QueryRoot." + field, "NOT_IMPLEMENTED");
    };
  }

  private GqlObject products(Map<String, Object> args) {
    int size = Connections.pageSize(args);
    boolean back = Connections.backwards(args);
    boolean descending = Boolean.TRUE.equals(args.get("reverse")) != back;
    ProductOrder order = ProductOrder.of(args.get("sortKey"));
    String cursor = (String) (back ? args.get("before") : args.get("after"));
    SortPosition after = cursor == null ? null : position(order, Connections.decode(cursor));
    Predicate<Product> filter = ProductSearch.parse((String) args.get("query"));
    List<Product> slice = shop.catalog().slice(order, descending, after, filter, size);
    boolean more = slice.size() > size;
    List<Product> page = new ArrayList<>(slice.subList(0, Math.min(size, slice.size())));
    if (back) {
      Collections.reverse(page);
    }
    List<GqlObject> nodes = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    MetafieldPermissions permissions = shop.metafieldPermissions();
    for (Product p : page) {
      nodes.add(new ProductObject(p, permissions));
      cursors.add(Connections.encode(order.position(p)));
    }
    return back
        ? Connections.page(nodes, cursors, cursor != null, more)
        : Connections.page(nodes, cursors, more, cursor != null);
  }

  /** Cursors carry numbers as longs; a text sort key needs its value back as text. */
  private static SortPosition position(ProductOrder order, SortPosition decoded) {
    if (order.numeric()) {
      return decoded.value() instanceof Long
          ? decoded
          : new SortPosition(decoded.id(), decoded.id());
    }
    return new SortPosition(String.valueOf(decoded.value()), decoded.id());
  }

  private List<Object> nodes(Map<String, Object> args) {
    List<Object> out = new ArrayList<>();
    for (Object id : (List<?>) args.get("ids")) {
      out.add(Nodes.find(context, shop, (String) id));
    }
    return out;
  }

  private GqlObject bulkOperation(String gid) {
    return context.bulk().find(shop, Gid.id(gid)).map(BulkOperationObject::new).orElse(null);
  }

  private GqlObject bulkOperations(Map<String, Object> args) {
    List<BulkOperation> ops = context.bulk().list(shop, (String) args.get("query"));
    boolean byCompleted = "COMPLETED_AT".equals(String.valueOf(args.get("sortKey")));
    List<BulkOperation> sorted = new ArrayList<>(ops);
    sorted.sort(
        (a, b) ->
            byCompleted
                ? compareNullable(a.completedAt(), b.completedAt())
                : a.createdAt().compareTo(b.createdAt()) != 0
                    ? a.createdAt().compareTo(b.createdAt())
                    : Long.compare(a.id(), b.id()));
    // Newest first by default, as Shopify lists them.
    Collections.reverse(sorted);
    return Connections.ofList(sorted, args, BulkOperation::id, BulkOperationObject::new);
  }

  private static int compareNullable(java.time.Instant a, java.time.Instant b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  private GqlObject currentBulkOperation(Map<String, Object> args) {
    String type = String.valueOf(args.getOrDefault("type", "QUERY"));
    return context
        .bulk()
        .latest(shop, BulkOperation.Type.valueOf(type))
        .map(BulkOperationObject::new)
        .orElse(null);
  }

  private GqlObject webhookSubscriptions(Map<String, Object> args) {
    Object topics = args.get("topics");
    List<WebhookSubscription> subs =
        shop.subscriptions().stream()
            .filter(s -> !(topics instanceof List<?> t) || t.contains(s.topic()))
            .filter(s -> args.get("uri") == null || args.get("uri").equals(s.uri()))
            .toList();
    return Connections.ofList(subs, args, WebhookSubscription::id, WebhookSubscriptionObject::new);
  }
}
