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
 * <p>A delivery is stored in the same transaction that makes sure its shop has a ready {@link WebhookWork} item (one
 * drains all of a shop's waiting rows, so a burst of deliveries queues one item, not one each). So an acknowledged
 * delivery always has work that will apply it, and a repeat of an event (same {@code X-Shopify-Event-Id}) stores
 * nothing. The race between a delivery committing and a drain deciding it is done is closed by a per-shop advisory
 * lock: deliveries hold it shared until they commit, and a drain ends only after a last look that got it
 * exclusively.
 */
@ApplicationScoped
public class WebhookInbox {

  /** Row statuses: {@code received} (waiting), {@code applied}, {@code skipped}, {@code stale}, {@code failed}. */
  public static final String RECEIVED = "received";

  private static final String INSERT =
      "INSERT INTO webhook_inbox (shop_id, topic, webhook_id, event_id, triggered_at, api_version, body, status,"
          + " outcome, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)"
          + " ON CONFLICT (shop_id, event_id) DO NOTHING RETURNING id";
  private static final String SHOP_LOCK_SHARED = "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))";
  private static final String SHOP_LOCK_TRY = "SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))";
  private static final String NEXT =
      "SELECT id, topic, event_id, triggered_at, body FROM webhook_inbox WHERE status = 'received' ORDER BY id"
          + " LIMIT ? FOR UPDATE SKIP LOCKED";
  private static final String ANY_WAITING =
      "SELECT 1 FROM webhook_inbox WHERE status = 'received' LIMIT 1 FOR UPDATE SKIP LOCKED";
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
              lockShop(c, shop, SHOP_LOCK_SHARED);
              Optional<Long> id = insert(c, shop, topic, delivery, eventId, body, stale);
              if (id.isPresent() && !stale) {
                dispatch.enqueueUnlessReadyWithin(c, shop, WebhookWork.KIND, "");
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

  /** Locks up to {@code limit} waiting rows of the shop, oldest first, skipping rows another drain holds. */
  List<InboxDelivery> lockWaiting(Connection c, TenantId shop, int limit) throws SQLException {
    List<InboxDelivery> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(NEXT)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          WebhookTopic topic = WebhookTopic.fromHeader(rs.getString("topic")).orElseThrow();
          rows.add(
              new InboxDelivery(
                  rs.getLong("id"), shop, topic, rs.getString("event_id"), instant(rs.getTimestamp("triggered_at")),
                  parse(rs.getString("body"))));
        }
      }
    }
    return rows;
  }

  /**
   * A drain's last look: whether rows may still wait that no other drain holds. Only under the shop's exclusive lock
   * is "none" certain (a delivery that commits after this look queues a new drain itself, as this one is no longer
   * ready); while a delivery is being stored the lock is not taken — waiting for it would queue every later
   * delivery behind this look — and the answer is "maybe", so the caller queues another drain.
   */
  boolean waitingAfterLastLook(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SHOP_LOCK_TRY)) {
      ps.setString(1, "webhook_inbox:" + shop);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return true;
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(ANY_WAITING);
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static void lockShop(Connection c, TenantId shop, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "webhook_inbox:" + shop);
      ps.execute();
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
