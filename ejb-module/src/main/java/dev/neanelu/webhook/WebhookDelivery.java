package dev.neanelu.webhook;

import java.time.Instant;

/**
 * One delivery as received, before verification: headers (names per shopify-facts §6) and the raw body, whose exact
 * bytes the signature covers.
 *
 * @param triggeredAt null when the header is missing or unreadable
 */
public record WebhookDelivery(
    String topic, String shopDomain, String eventId, Instant triggeredAt, String hmacBase64, byte[] body) {

  @Override
  public String toString() {
    return "WebhookDelivery[topic=" + topic + ", shop=" + shopDomain + ", eventId=" + eventId + "]";
  }
}
