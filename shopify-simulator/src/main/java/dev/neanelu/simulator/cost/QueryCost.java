package dev.neanelu.simulator.cost;

import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's calculated query cost from the documented default rules: scalars and enums 0, objects
 * 1, a connection 2 plus {@code first} (or {@code last}) times the cost of one node, each mutation
 * field 10. Interfaces and unions cost the most expensive of their possible selections. Requested
 * cost is computed from the query before execution; actual cost from the response data, counting
 * only the nodes that came back.
 */
public final class QueryCost {

  /** Shopify's default cost of one mutation field. */
  public static final int MUTATION_COST = 10;

  /** The single-query ceiling, regardless of plan. */
  public static final int MAX_QUERY_COST = 1000;

  private final GraphQLSchema schema;

  public QueryCost(GraphQLSchema schema) {
    this.schema = schema;
  }

  public int requested(ExecutableNormalizedOperation operation) {
    if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
      return MUTATION_COST * operation.getTopLevelFields().size();
    }
    return sumByType(operation.getTopLevelFields(), f -> requested(f));
  }

  /** Actual cost of a query from its {@code data}; for mutations the requested cost stands. */
  public int actual(ExecutableNormalizedOperation operation, Map<String, Object> data) {
    if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
      return requested(operation);
    }
    int total = 0;
    for (ExecutableNormalizedField f : operation.getTopLevelFields()) {
      total += actual(f, data == null ? null : data.get(f.getResultKey()));
    }
    return total;
  }

  private int requested(ExecutableNormalizedField field) {
    GraphQLType type = unwrapped(field);
    if (isLeaf(type)) {
      return 0;
    }
    if (isConnection(type)) {
      return 2 + pageSize(field) * nodeCost(field);
    }
    return 1 + sumByType(field.getChildren(), this::requested);
  }

  /**
   * Cost of one node of a connection: via {@code edges { node }} or {@code nodes}, whichever is
   * dearer.
   */
  private int nodeCost(ExecutableNormalizedField connection) {
    int cost = 0;
    for (ExecutableNormalizedField child : connection.getChildren()) {
      if (child.getName().equals("nodes")) {
        cost = Math.max(cost, requested(child));
      } else if (child.getName().equals("edges")) {
        for (ExecutableNormalizedField edgeChild : child.getChildren()) {
          if (edgeChild.getName().equals("node")) {
            cost = Math.max(cost, requested(edgeChild));
          }
        }
      }
    }
    return cost;
  }

  private int actual(ExecutableNormalizedField field, Object value) {
    GraphQLType type = unwrapped(field);
    if (isLeaf(type)) {
      return 0;
    }
    if (isConnection(type)) {
      return 2 + connectionActual(field, value);
    }
    if (value instanceof List<?> list) {
      int total = 1;
      for (Object element : list) {
        total += childrenActual(field, element);
      }
      return total;
    }
    return 1 + childrenActual(field, value);
  }

  private int connectionActual(ExecutableNormalizedField field, Object value) {
    if (!(value instanceof Map<?, ?> connection)) {
      return 0;
    }
    int viaNodes = 0;
    int viaEdges = 0;
    for (ExecutableNormalizedField child : field.getChildren()) {
      Object childValue = connection.get(child.getResultKey());
      if (child.getName().equals("nodes") && childValue instanceof List<?> nodes) {
        for (Object node : nodes) {
          viaNodes += 1 + childrenActual(child, node);
        }
      } else if (child.getName().equals("edges") && childValue instanceof List<?> edges) {
        viaEdges = Math.max(viaEdges, edgesActual(child, edges));
      }
    }
    return Math.max(viaNodes, viaEdges);
  }

  private int edgesActual(ExecutableNormalizedField edgesField, List<?> edges) {
    int total = 0;
    for (ExecutableNormalizedField edgeChild : edgesField.getChildren()) {
      if (!edgeChild.getName().equals("node")) {
        continue;
      }
      for (Object edge : edges) {
        Object node = edge instanceof Map<?, ?> m ? m.get(edgeChild.getResultKey()) : null;
        total += 1 + childrenActual(edgeChild, node);
      }
    }
    return total;
  }

  private int childrenActual(ExecutableNormalizedField field, Object value) {
    if (!(value instanceof Map<?, ?> object)) {
      return 0;
    }
    int total = 0;
    for (ExecutableNormalizedField child : field.getChildren()) {
      if (object.containsKey(child.getResultKey())) {
        total += actual(child, object.get(child.getResultKey()));
      }
    }
    return total;
  }

  /**
   * Sums children per possible object type and keeps the most expensive type (interfaces, unions).
   */
  private static int sumByType(
      List<ExecutableNormalizedField> fields,
      java.util.function.ToIntFunction<ExecutableNormalizedField> cost) {
    Map<String, Integer> byType = new HashMap<>();
    for (ExecutableNormalizedField f : fields) {
      int c = cost.applyAsInt(f);
      for (String typeName : f.getObjectTypeNames()) {
        byType.merge(typeName, c, Integer::sum);
      }
    }
    return byType.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  private static int pageSize(ExecutableNormalizedField field) {
    Object first = field.getResolvedArguments().get("first");
    Object last = field.getResolvedArguments().get("last");
    Object n = first != null ? first : last;
    return n instanceof Number number ? Math.max(0, number.intValue()) : 0;
  }

  private GraphQLType unwrapped(ExecutableNormalizedField field) {
    return GraphQLTypeUtil.unwrapAll(field.getType(schema));
  }

  private static boolean isLeaf(GraphQLType type) {
    return GraphQLTypeUtil.isLeaf(type);
  }

  /** Shopify connections are object types named {@code …Connection} with an {@code edges} field. */
  public static boolean isConnection(GraphQLType type) {
    return type instanceof GraphQLObjectType object
        && ((GraphQLNamedType) object).getName().endsWith("Connection")
        && object.getFieldDefinition("edges") != null;
  }
}
