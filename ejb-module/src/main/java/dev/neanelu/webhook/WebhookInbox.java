package dev.neanelu.webhook;

import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code webhook_inbox} table: verified deliveries, one row per event of a shop, each applied once.
 *
 * <p>A delivery is stored with the work item that applies it in one transaction, so an acknowledged delivery always
 * has its work, and a repeat of an event (same {@code X-Shopify-Event-Id}) stores nothing and queues nothing.
 */
@ApplicationScoped
public class WebhookInbox {

  /** Row statuses: {@code received} (waiting), {@code applied}, {@code skipped}, {@code stale}, {@code failed}. */
  public static final String RECEIVED = "received";

  private static final String INSERT =
      "INSERT INTO webhook_inbox (shop_id, topic, webhook_id, event_id, triggered_at, api_version, body, status,"
          + " outcome, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)"
          + " ON CONFLICT (shop_id, event_id) DO NOTHING RETURNING id";
  private static final String LOCK =
      "SELECT topic, event_id, triggered_at, body, status FROM webhook_inbox WHERE id = ? FOR UPDATE";
  private static final String SETTLE =
      "UPDATE webhook_inbox SET status = ?, outcome = ?, processed_at = now() WHERE id = ?";
  private static final String RECENT =
      "SELECT id, topic, event_id, triggered_at, received_at, status, processed_at, outcome FROM webhook_inbox"
          + " ORDER BY id DESC LIMIT ?";

  @Inject TenantContext tenants;
  @Inject FairDispatch dispatch;

  /** One row of the inbox as the ops API shows it (no body: it may hold a customer's contact details). */
  public record Row(
      long id,
      String topic,
      String eventId,
      Instant triggeredAt,
      Instant receivedAt,
      String status,
      Instant processedAt,
      String outcome) {}

  /** Stores a verified delivery once and queues its application; repeats of an event store nothing. */
  public WebhookReceiver.Accepted store(
      TenantId shop, WebhookTopic topic, WebhookDelivery delivery, String eventId, String body, boolean stale) {
    Optional<Long> stored =
        tenants.call(
            shop,
            c -> {
              Optional<Long> id = insert(c, shop, topic, delivery, eventId, body, stale);
              if (id.isPresent() && !stale) {
                dispatch.enqueueWithin(c, shop, WebhookWork.KIND, Long.toString(id.get()));
              }
              return id;
            });
    if (stored.isEmpty()) {
      return WebhookReceiver.Accepted.DUPLICATE;
    }
    if (stale) {
      return WebhookReceiver.Accepted.STALE;
    }
    dispatch.wake(shop);
    return WebhookReceiver.Accepted.STORED;
  }

  /** Locks the row for applying it; empty when it is gone (purged) or no longer waiting. */
  Optional<InboxDelivery> lockReceived(Connection c, TenantId shop, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !RECEIVED.equals(rs.getString("status"))) {
          return Optional.empty();
        }
        WebhookTopic topic = WebhookTopic.fromHeader(rs.getString("topic")).orElseThrow();
        return Optional.of(
            new InboxDelivery(
                id, shop, topic, rs.getString("event_id"), instant(rs.getTimestamp("triggered_at")),
                parse(rs.getString("body"))));
      }
    }
  }

  /** Records how the row ended; a row a handler deleted (shop/redact purges the inbox) stays deleted. */
  void settle(Connection c, long id, String status, String outcome) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SETTLE)) {
      ps.setString(1, status);
      ps.setString(2, outcome);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** Marks the row failed in a transaction of its own (the attempt's was rolled back). */
  void fail(TenantId shop, long id, String reason) {
    tenants.run(shop, c -> {
      try (PreparedStatement ps =
          c.prepareStatement(SETTLE + " AND status = '" + RECEIVED + "'")) {
        ps.setString(1, "failed");
        ps.setString(2, reason);
        ps.setLong(3, id);
        return ps.executeUpdate();
      }
    });
  }

  /** The shop's newest rows first. */
  public List<Row> recent(TenantId shop, int limit) {
    return tenants.call(
        shop,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(RECENT)) {
            ps.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Row(
                        rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8)));
              }
            }
            return rows;
          }
        });
  }

  private static Optional<Long> insert(
      Connection c, TenantId shop, WebhookTopic topic, WebhookDelivery d, String eventId, String body, boolean stale)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setObject(1, shop.value());
      ps.setString(2, topic.header());
      ps.setString(3, d.webhookId());
      ps.setString(4, eventId);
      ps.setTimestamp(5, d.triggeredAt() == null ? null : Timestamp.from(d.triggeredAt()));
      ps.setString(6, d.apiVersion());
      ps.setString(7, body);
      ps.setString(8, stale ? "stale" : RECEIVED);
      ps.setString(9, stale ? "triggered before the staleness horizon; the reconciliation sweep covers it" : null);
      ps.setBoolean(10, stale);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
