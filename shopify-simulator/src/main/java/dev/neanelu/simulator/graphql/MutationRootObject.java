package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.bulk.BulkOperation;
import dev.neanelu.simulator.bulk.BulkOperations;
import dev.neanelu.simulator.catalog.Gid;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.shop.WebhookSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Mutation}: bulk operations, staged uploads, product and metafield writes, definitions,
 * webhooks.
 */
public final class MutationRootObject implements GqlObject {

  private final SimulatorContext context;
  private final Shop shop;
  private final ProductMutations products;
  private final MetafieldMutations metafields;
  private final MetafieldDefinitionMutations definitions;

  public MutationRootObject(SimulatorContext context, Shop shop) {
    this.context = context;
    this.shop = shop;
    this.products = new ProductMutations(context, shop);
    this.metafields =
        new MetafieldMutations(
            shop, products, new MetafieldWrites(shop, context.clock()), context.clock());
    this.definitions = new MetafieldDefinitionMutations(shop, context.clock());
  }

  @Override
  public String typeName() {
    return "Mutation";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    return switch (field) {
      case "bulkOperationRunQuery" ->
          created(
              "BulkOperationRunQueryPayload",
              "BulkOperationUserError",
              context
                  .bulk()
                  .runQuery(
                      shop,
                      (String) args.get("query"),
                      Boolean.TRUE.equals(args.get("groupObjects"))));
      case "bulkOperationRunMutation" ->
          created(
              "BulkOperationRunMutationPayload",
              "BulkMutationUserError",
              context
                  .bulk()
                  .runMutation(
                      shop, (String) args.get("mutation"), (String) args.get("stagedUploadPath")));
      case "bulkOperationCancel" ->
          bulkResult(
              "BulkOperationCancelPayload",
              "UserError",
              context.bulk().cancel(shop, Gid.id((String) args.get("id"))));
      case "stagedUploadsCreate" -> stagedUploads(args);
      case "productSet" -> products.productSet(args);
      case "productCreate" -> products.productCreate(args);
      case "productUpdate" -> products.productUpdate(args);
      case "productDelete" -> products.productDelete(args);
      case "metafieldsSet" -> metafields.metafieldsSet(args);
      case "metafieldDefinitionCreate" -> definitions.create(args);
      case "webhookSubscriptionCreate" -> webhookSubscriptionCreate(args);
      default ->
          throw new ApiError(
              "The simulator does not implement Mutation." + field, "NOT_IMPLEMENTED");
    };
  }

  /** A just-started bulk operation reads CREATED in its own payload, as Shopify answers. */
  private static MapObject created(String payload, String errorType, BulkOperations.Outcome outcome) {
    return bulkPayload(payload, errorType, outcome, BulkOperationObject::justCreated);
  }

  private static MapObject bulkResult(String payload, String errorType, BulkOperations.Outcome outcome) {
    return bulkPayload(payload, errorType, outcome, BulkOperationObject::new);
  }

  private static MapObject bulkPayload(
      String payload,
      String errorType,
      BulkOperations.Outcome outcome,
      java.util.function.Function<BulkOperation, BulkOperationObject> view) {
    List<GqlObject> errors = new ArrayList<>();
    outcome
        .errors()
        .forEach(e -> errors.add(MapObject.userError(errorType, e.field(), e.message(), e.code())));
    return MapObject.of(
        payload,
        "bulkOperation",
        outcome.operation() == null ? null : view.apply(outcome.operation()),
        "userErrors",
        errors);
  }

  private MapObject stagedUploads(Map<String, Object> args) {
    List<GqlObject> targets = new ArrayList<>();
    for (Object input : (List<?>) args.get("input")) {
      Map<String, Object> target =
          context.uploads().createTarget(shop, (Map<?, ?>) input, context.baseUrl());
      List<GqlObject> params = new ArrayList<>();
      @SuppressWarnings("unchecked")
      Map<String, String> parameters = (Map<String, String>) target.get("parameters");
      parameters.forEach(
          (k, v) -> params.add(MapObject.of("StagedUploadParameter", "name", k, "value", v)));
      targets.add(
          MapObject.of(
              "StagedMediaUploadTarget",
              "url",
              target.get("url"),
              "resourceUrl",
              target.get("resourceUrl"),
              "parameters",
              params));
    }
    return MapObject.of(
        "StagedUploadsCreatePayload", "stagedTargets", targets, "userErrors", List.of());
  }

  private MapObject webhookSubscriptionCreate(Map<String, Object> args) {
    Map<?, ?> in = (Map<?, ?>) args.get("webhookSubscription");
    Object uri = in.get("uri") != null ? in.get("uri") : in.get("callbackUrl");
    if (uri == null || String.valueOf(uri).isBlank()) {
      return MapObject.of(
          "WebhookSubscriptionCreatePayload",
          "webhookSubscription",
          null,
          "userErrors",
          List.of(
              MapObject.userError(
                  "UserError",
                  List.of("webhookSubscription", "uri"),
                  "Address can't be blank",
                  null)));
    }
    @SuppressWarnings("unchecked")
    List<String> include =
        in.get("includeFields") instanceof List<?> l ? (List<String>) l : List.of();
    WebhookSubscription sub =
        new WebhookSubscription(
            shop.subscriptions().size() + 1_000_000L,
            String.valueOf(args.get("topic")),
            String.valueOf(uri),
            in.get("format") == null ? "JSON" : String.valueOf(in.get("format")),
            include,
            (String) in.get("name"),
            context.clock().instant().getEpochSecond());
    shop.subscriptions().add(sub);
    return MapObject.of(
        "WebhookSubscriptionCreatePayload",
        "webhookSubscription",
        new WebhookSubscriptionObject(sub),
        "userErrors",
        List.of());
  }
}
