package dev.neanelu.install;

import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopifyClient;
import dev.neanelu.tenant.ShopDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Subscribes a shop to the topics the application handles, all delivered to {@code APP_HOST/webhooks}. Idempotent:
 * topics already subscribed to that address are skipped, so a reinstall or re-authorisation does not double the
 * deliveries (Shopify sends one delivery per subscription).
 */
@ApplicationScoped
public class WebhookRegistrar {

  /** Catalog changes, the uninstall, and bulk operations finishing (ingest polls less). */
  static final List<String> TOPICS =
      List.of("PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "APP_UNINSTALLED", "BULK_OPERATIONS_FINISH");

  private static final Logger LOG = Logger.getLogger(WebhookRegistrar.class.getName());
  private static final GraphqlDocument LIST = GraphqlDocument.load(WebhookRegistrar.class, "WebhookSubscriptions");
  private static final GraphqlDocument CREATE =
      GraphqlDocument.load(WebhookRegistrar.class, "WebhookSubscriptionCreate");

  @Inject ShopifyClient shopify;

  @Inject
  @ConfigProperty(name = "APP_HOST", defaultValue = "http://localhost:9080")
  String appHost;

  /** @return how many subscriptions were created */
  public int register(ShopDomain shop) {
    String address = address();
    Set<String> present = subscribedTopics(shop, address);
    int created = 0;
    for (String topic : TOPICS) {
      if (!present.contains(topic) && create(shop, topic, address)) {
        created++;
      }
    }
    return created;
  }

  /** Where Shopify delivers: {@code APP_HOST} without a trailing slash, plus {@code /webhooks}. */
  public String address() {
    return appHost.replaceAll("/+$", "") + "/webhooks";
  }

  private Set<String> subscribedTopics(ShopDomain shop, String address) {
    JsonObject data = shopify.execute(shop, LIST, JsonValue.EMPTY_JSON_OBJECT);
    Set<String> topics = new HashSet<>();
    for (JsonValue node : data.getJsonObject("webhookSubscriptions").getJsonArray("nodes")) {
      JsonObject subscription = node.asJsonObject();
      if (address.equals(subscription.getString("uri", null))) {
        topics.add(subscription.getString("topic"));
      }
    }
    return topics;
  }

  private boolean create(ShopDomain shop, String topic, String address) {
    JsonObject variables =
        Json.createObjectBuilder()
            .add("topic", topic)
            .add("webhookSubscription", Json.createObjectBuilder().add("uri", address).add("format", "JSON"))
            .build();
    JsonObject payload = shopify.execute(shop, CREATE, variables).getJsonObject("webhookSubscriptionCreate");
    if (!payload.getJsonArray("userErrors").isEmpty()) {
      LOG.warning(() -> "Subscribing " + shop + " to " + topic + " failed: " + payload.getJsonArray("userErrors"));
      return false;
    }
    return true;
  }
}
