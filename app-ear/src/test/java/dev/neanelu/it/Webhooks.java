package dev.neanelu.it;

import dev.neanelu.install.Hmacs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Deliveries to {@code POST /webhooks} signed as Shopify signs them, and reads of what the server stored. */
final class Webhooks {

  private static final String DB = System.getProperty("it.postgres.url");

  private Webhooks() {}

  /** A delivery's parts; every header is the sender's choice. */
  record Delivery(String topic, String shop, String eventId, Instant triggeredAt, String body, String hmac) {

    static Delivery signed(String topic, String shop, String body) {
      return new Delivery(topic, shop, UUID.randomUUID().toString(), Instant.now(), body, sign(body));
    }

    Delivery withEventId(String id) {
      return new Delivery(topic, shop, id, triggeredAt, body, hmac);
    }

    Delivery withHmac(String h) {
      return new Delivery(topic, shop, eventId, triggeredAt, body, h);
    }

    Delivery withTriggeredAt(Instant at) {
      return new Delivery(topic, shop, eventId, at, body, hmac);
    }
  }

  static String sign(String body) {
    return base64(Hmacs.sha256(InstallFlow.API_SECRET, body.getBytes(StandardCharsets.UTF_8)));
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static HttpResponse<String> deliver(Delivery d) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Http.BASE + "/webhooks"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Shopify-Topic", d.topic())
            .header("X-Shopify-Shop-Domain", d.shop())
            .header("X-Shopify-Event-Id", d.eventId())
            .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
            .header("X-Shopify-API-Version", "2026-04")
            .header("X-Shopify-Triggered-At", d.triggeredAt().toString())
            .POST(HttpRequest.BodyPublishers.ofString(d.body()));
    if (d.hmac() != null) {
      request.header("X-Shopify-Hmac-Sha256", d.hmac());
    }
    return Http.send(request.build());
  }

  /** Inbox rows of the shop (any status). */
  static long inboxRows(String shop) {
    return count(
        "SELECT count(*) FROM webhook_inbox i JOIN shops s ON s.id = i.shop_id WHERE s.shop_domain = ?", shop);
  }

  /** Inbox rows of the shop not yet applied. */
  static long pending(String shop) {
    return count(
        "SELECT count(*) FROM webhook_inbox i JOIN shops s ON s.id = i.shop_id"
            + " WHERE s.shop_domain = ? AND i.status = 'received'",
        shop);
  }

  /** Runs a query whose first column of its single row is a number, as the superuser (no row-level security). */
  static long count(String sql, Object... params) {
    return Long.parseLong(text(sql, params));
  }

  /** The text of a query's first value, or null, as the superuser (no row-level security). */
  static String text(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(DB, "postgres", "");
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
