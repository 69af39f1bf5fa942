package dev.neanelu.simulator.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One delivery of one event to one address, with its attempts so far. */
public final class Delivery {

  /** Lifecycle of a delivery. HELD deliveries wait for a release (used to reorder events). */
  public enum Status {
    PENDING,
    HELD,
    DELIVERED,
    FAILED
  }

  final String shop;
  final String webhookId;
  final String eventId;
  final String topic;
  final String uri;
  final String name;
  final byte[] body;
  final Instant triggeredAt;
  volatile int attempts;
  volatile int lastStatusCode;
  volatile String lastError;
  volatile Status status = Status.PENDING;

  Delivery(
      String shop,
      String webhookId,
      String eventId,
      String topic,
      String uri,
      String name,
      byte[] body,
      Instant triggeredAt) {
    this.shop = shop;
    this.webhookId = webhookId;
    this.eventId = eventId;
    this.topic = topic;
    this.uri = uri;
    this.name = name;
    this.body = body;
    this.triggeredAt = triggeredAt;
  }

  public Status status() {
    return status;
  }

  public String topic() {
    return topic;
  }

  public String eventId() {
    return eventId;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("webhookId", webhookId);
    m.put("eventId", eventId);
    m.put("topic", topic);
    m.put("uri", uri);
    m.put("triggeredAt", triggeredAt.toString());
    m.put("status", status.name());
    m.put("attempts", attempts);
    m.put("lastStatusCode", lastStatusCode);
    m.put("lastError", lastError);
    m.put("body", new String(body, java.nio.charset.StandardCharsets.UTF_8));
    return m;
  }
}
