package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.cost.QueryCost;
import dev.neanelu.simulator.cost.ThrottleStatus;
import dev.neanelu.simulator.shop.Shop;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.RawVariables;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL Admin API of one request: validation against the real schema, requested cost, the
 * single-query cost ceiling, the (app, shop) leaky bucket, execution, actual cost and refund, and
 * {@code extensions.cost} on every response. Throttling answers HTTP 200 with a {@code THROTTLED}
 * error, as Shopify does.
 */
public final class AdminApi {

  private static final String RATE_LIMITS_DOC = "https://shopify.dev/api/usage/rate-limits";

  private final SimulatorContext context;
  private volatile Engine engine;

  public AdminApi(SimulatorContext context) {
    this.context = context;
  }

  /** The schema-bound parts, built on first use so start-up can load the schema in parallel. */
  private record Engine(GraphQLSchema schema, GraphQL graphql, QueryCost cost) {}

  private Engine engine() {
    Engine e = engine;
    if (e == null) {
      synchronized (this) {
        if (engine == null) {
          GraphQLSchema schema = AdminSchema.get();
          engine = new Engine(schema, GraphQL.newGraphQL(schema).build(), new QueryCost(schema));
        }
        e = engine;
      }
    }
    return e;
  }

  public GraphQLSchema schema() {
    return engine().schema();
  }

  /** A parsed, validated and normalized operation, or the errors that stopped it. */
  public record Prepared(
      ExecutableNormalizedOperation operation, List<GraphQLError> errors, String label) {
    public boolean valid() {
      return errors.isEmpty();
    }

    public boolean mutation() {
      return operation != null
          && operation.getOperation() == OperationDefinition.Operation.MUTATION;
    }
  }

  public Prepared prepare(String query, Map<String, Object> variables, String operationName) {
    ExecutionInput input = input(query, variables, operationName, null);
    ParseAndValidateResult parsed = ParseAndValidate.parseAndValidate(engine().schema(), input);
    if (parsed.isFailure()) {
      return new Prepared(null, parsed.getErrors(), "query");
    }
    try {
      ExecutableNormalizedOperation op =
          ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
              engine().schema(), parsed.getDocument(), operationName, RawVariables.of(variables));
      String label =
          op.getOperation().name().toLowerCase(java.util.Locale.ROOT)
              + (op.getOperationName() == null ? "" : " " + op.getOperationName());
      return new Prepared(op, List.of(), label);
    } catch (RuntimeException e) {
      if (e instanceof GraphQLError error) {
        return new Prepared(null, List.of(error), "query");
      }
      throw e;
    }
  }

  /**
   * Parses and validates without variables (a bulk mutation's document); returns the errors, if
   * any.
   */
  public ParseAndValidateResult validate(String query) {
    return ParseAndValidate.parseAndValidate(engine().schema(), input(query, Map.of(), null, null));
  }

  /** Shopify-shaped errors for a failed validation. */
  public static List<Map<String, Object>> shopifyErrors(List<GraphQLError> errors) {
    return ShopifyErrors.of(errors, "query");
  }

  /** Handles one metered API call and returns the response body. */
  public Map<String, Object> call(
      Shop shop, String query, Map<String, Object> variables, String operationName) {
    shop.stats().graphqlCalls.incrementAndGet();
    Prepared prepared = prepare(query, variables, operationName);
    if (!prepared.valid()) {
      return response(
          null, ShopifyErrors.of(prepared.errors(), prepared.label()), costExtension(shop, 0, 0));
    }
    int requested = engine().cost().requested(prepared.operation());
    if (requested > QueryCost.MAX_QUERY_COST) {
      shop.stats().maxCostExceeded.incrementAndGet();
      return response(
          null, List.of(maxCostExceeded(requested)), costExtension(shop, requested, null));
    }
    if (shop.faults().nextIsThrottled()) {
      shop.bucket().drain();
      return throttled(shop, requested);
    }
    if (!shop.bucket().tryTake(requested)) {
      return throttled(shop, requested);
    }
    ExecutionResult result = execute(shop, query, variables, operationName, prepared.mutation());
    Map<String, Object> data = result.getData();
    int actual = Math.min(requested, engine().cost().actual(prepared.operation(), data));
    shop.bucket().refund(requested - actual);
    shop.stats().costUsed.addAndGet(actual);
    return response(data, errors(result, prepared.label()), costExtension(shop, requested, actual));
  }

  /**
   * Runs an operation without cost accounting (each line of a bulk mutation).
   *
   * @return {@code {data, errors}} as the result file carries it
   */
  public Map<String, Object> callUnmetered(Shop shop, String query, Map<String, Object> variables) {
    Prepared prepared = prepare(query, variables, null);
    if (!prepared.valid()) {
      return response(null, ShopifyErrors.of(prepared.errors(), prepared.label()), null);
    }
    ExecutionResult result = execute(shop, query, variables, null, prepared.mutation());
    return response(result.getData(), errors(result, prepared.label()), null);
  }

  private ExecutionResult execute(
      Shop shop,
      String query,
      Map<String, Object> variables,
      String operationName,
      boolean mutation) {
    GqlObject root =
        mutation ? new MutationRootObject(context, shop) : new QueryRootObject(context, shop);
    return engine().graphql().execute(input(query, variables, operationName, root));
  }

  private static ExecutionInput input(
      String query, Map<String, Object> variables, String name, Object root) {
    ExecutionInput.Builder b =
        ExecutionInput.newExecutionInput(query).variables(variables == null ? Map.of() : variables);
    if (name != null) {
      b.operationName(name);
    }
    if (root != null) {
      b.root(root);
    }
    return b.build();
  }

  private static List<Map<String, Object>> errors(ExecutionResult result, String label) {
    return result.getErrors().isEmpty() ? null : ShopifyErrors.of(result.getErrors(), label);
  }

  private Map<String, Object> throttled(Shop shop, int requested) {
    shop.stats().throttled.incrementAndGet();
    Map<String, Object> ext = Map.of("code", "THROTTLED", "documentation", RATE_LIMITS_DOC);
    return response(
        null, List.of(ShopifyErrors.error("Throttled", ext)), costExtension(shop, requested, null));
  }

  private static Map<String, Object> maxCostExceeded(int requested) {
    String message =
        "Query cost is "
            + requested
            + ", which exceeds the single query max cost limit ("
            + QueryCost.MAX_QUERY_COST
            + ").\n\n"
            + "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how"
            + " the\n"
            + "cost of a query is calculated.\n\n"
            + "To query larger amounts of data with fewer limits, bulk operations should be used"
            + " instead.\n"
            + "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage"
            + " details.\n";
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("code", "MAX_COST_EXCEEDED");
    ext.put("cost", requested);
    ext.put("maxCost", QueryCost.MAX_QUERY_COST);
    ext.put("documentation", RATE_LIMITS_DOC);
    return ShopifyErrors.error(message, ext);
  }

  private static Map<String, Object> costExtension(Shop shop, int requested, Integer actual) {
    ThrottleStatus s = shop.bucket().status();
    Map<String, Object> throttle = new LinkedHashMap<>();
    throttle.put("maximumAvailable", s.maximumAvailable());
    throttle.put("currentlyAvailable", (int) s.currentlyAvailable());
    throttle.put("restoreRate", s.restoreRate());
    Map<String, Object> costMap = new LinkedHashMap<>();
    costMap.put("requestedQueryCost", requested);
    costMap.put("actualQueryCost", actual);
    costMap.put("throttleStatus", throttle);
    return Map.of("cost", costMap);
  }

  /**
   * {@code data} is left out when nothing ran (validation, cost ceiling, throttle), as Shopify
   * leaves it out.
   */
  private static Map<String, Object> response(
      Map<String, Object> data, List<Map<String, Object>> errors, Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (errors != null) {
      body.put("errors", errors);
    }
    if (data != null) {
      body.put("data", data);
    }
    if (extensions != null) {
      body.put("extensions", extensions);
    }
    return body;
  }
}
