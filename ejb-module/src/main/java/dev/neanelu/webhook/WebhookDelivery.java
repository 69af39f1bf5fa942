package dev.neanelu.webhook;

import java.time.Instant;

/**
 * One delivery as received, before verification: Shopify's {@code X-Shopify-*} headers and the raw body, whose exact
 * bytes the signature covers. Only the body is signed: every header may be forged.
 *
 * @param triggeredAt null when the header is missing or unreadable
 */
public record WebhookDelivery(
    String topic,
    String shopDomain,
    String webhookId,
    String eventId,
    Instant triggeredAt,
    String apiVersion,
    String hmacBase64,
    byte[] body) {

  @Override
  public String toString() {
    return "WebhookDelivery[topic=" + topic + ", shop=" + shopDomain + ", eventId=" + eventId + "]";
  }
}
