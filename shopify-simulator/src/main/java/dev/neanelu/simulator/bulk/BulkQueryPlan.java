package dev.neanelu.simulator.bulk;

import dev.neanelu.simulator.cost.QueryCost;
import dev.neanelu.simulator.graphql.AdminApi;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bulk query checked against Shopify's rules: valid against the schema, a query, one top-level
 * connection (not {@code node}/{@code nodes}), at most five connections and at most two levels of
 * nested connections. The simulator exports {@code products} and {@code productVariants} roots.
 */
record BulkQueryPlan(ExecutableNormalizedField root, String error) {

  private static final int MAX_CONNECTIONS = 5;
  private static final int MAX_NESTING = 2;
  private static final Set<String> ROOTS = Set.of("products", "productVariants");

  static BulkQueryPlan of(AdminApi api, String query) {
    AdminApi.Prepared p = api.prepare(query, Map.of(), null);
    if (!p.valid()) {
      Object message = AdminApi.shopifyErrors(p.errors()).get(0).get("message");
      return invalid("Invalid bulk query: " + message);
    }
    if (p.mutation()) {
      return invalid(
          "Invalid bulk query: bulkOperationRunQuery only accepts queries; use"
              + " bulkOperationRunMutation.");
    }
    List<ExecutableNormalizedField> top = p.operation().getTopLevelFields();
    if (top.size() != 1) {
      return invalid("Bulk queries must contain exactly one top-level field.");
    }
    ExecutableNormalizedField root = top.get(0);
    if (root.getName().equals("node") || root.getName().equals("nodes")) {
      return invalid("Bulk queries cannot contain a top level `" + root.getName() + "` field.");
    }
    GraphQLSchema schema = api.schema();
    if (!QueryCost.isConnection(GraphQLTypeUtil.unwrapAll(root.getType(schema)))) {
      return invalid("Bulk queries must contain at least one connection.");
    }
    if (!ROOTS.contains(root.getName())) {
      return invalid(
          "The simulator exports products and productVariants only, not " + root.getName() + ".");
    }
    int[] count = {0};
    int depth = depth(schema, root, count);
    if (count[0] > MAX_CONNECTIONS) {
      return invalid("Bulk queries cannot contain more than " + MAX_CONNECTIONS + " connections.");
    }
    if (depth - 1 > MAX_NESTING) {
      return invalid(
          "Bulk queries cannot contain connections with a nesting depth greater than "
              + MAX_NESTING
              + ".");
    }
    return new BulkQueryPlan(root, null);
  }

  /** Connection nesting depth below and including {@code field}; counts connections on the way. */
  private static int depth(GraphQLSchema schema, ExecutableNormalizedField field, int[] count) {
    boolean connection = QueryCost.isConnection(GraphQLTypeUtil.unwrapAll(field.getType(schema)));
    if (connection) {
      count[0]++;
    }
    int deepest = 0;
    for (ExecutableNormalizedField child : field.getChildren()) {
      deepest = Math.max(deepest, depth(schema, child, count));
    }
    return deepest + (connection ? 1 : 0);
  }

  private static BulkQueryPlan invalid(String message) {
    return new BulkQueryPlan(null, message);
  }

  boolean valid() {
    return error == null;
  }
}
