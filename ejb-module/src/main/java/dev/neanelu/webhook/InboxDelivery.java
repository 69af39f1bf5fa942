package dev.neanelu.webhook;

import dev.neanelu.tenant.TenantId;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A stored delivery as a {@link WebhookHandler} applies it: verified, deduplicated, its body parsed.
 *
 * @param id the inbox row
 * @param triggeredAt when Shopify says the event happened; null if the delivery did not say
 */
public record InboxDelivery(
    long id, TenantId shopId, WebhookTopic topic, String eventId, Instant triggeredAt, JsonObject body) {

  @Override
  public String toString() {
    return "InboxDelivery[id=" + id + ", topic=" + topic.header() + ", eventId=" + eventId + "]";
  }
}
