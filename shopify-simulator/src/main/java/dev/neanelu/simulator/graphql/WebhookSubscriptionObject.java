package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.shop.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code WebhookSubscription}. */
public record WebhookSubscriptionObject(WebhookSubscription sub) implements GqlObject {

  @Override
  public String typeName() {
    return "WebhookSubscription";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    return switch (field) {
      case "id" -> "gid://shopify/WebhookSubscription/" + sub.id();
      case "legacyResourceId" -> sub.id();
      case "topic" -> sub.topic();
      case "uri", "callbackUrl" -> sub.uri();
      case "format" -> sub.format();
      case "includeFields" -> sub.includeFields();
      case "metafieldNamespaces", "metafields" -> List.of();
      case "name" -> sub.name();
      case "filter" -> null;
      case "apiVersion" ->
          MapObject.of(
              "ApiVersion",
              "handle",
              AdminSchema.VERSION,
              "displayName",
              AdminSchema.VERSION,
              "supported",
              true);
      case "createdAt", "updatedAt" -> Instant.ofEpochSecond(sub.createdAt());
      case "endpoint" -> MapObject.of("WebhookHttpEndpoint", "callbackUrl", sub.uri());
      default -> null;
    };
  }
}
