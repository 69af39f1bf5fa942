package dev.neanelu.compliance;

import dev.neanelu.webhook.InboxDelivery;
import dev.neanelu.webhook.WebhookHandler;
import dev.neanelu.webhook.WebhookTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Applies {@code shop/redact} (sent 48 hours after an uninstall): deletes every row of the shop from every tenant
 * table ({@link TenantTables}), including its webhook inbox (this delivery too) and its queued work, marks the
 * registry row redacted and writes an audit record with the counts, all in one transaction. Repeating it deletes
 * nothing more and adds an audit record with zero counts. A shop that installs again afterwards starts empty.
 */
@ApplicationScoped
public class ShopRedaction implements WebhookHandler {

  private static final Logger LOG = Logger.getLogger(ShopRedaction.class.getName());

  private static final String MARK = "UPDATE shops SET redacted_at = now() WHERE id = ?";
  private static final String AUDIT =
      "INSERT INTO shop_redactions (redacted, shop_domain, event_id, requested_at, rows_deleted)"
          + " SELECT id, shop_domain, ?, ?, ?::jsonb FROM shops WHERE id = ?";

  @Override
  public Set<WebhookTopic> topics() {
    return Set.of(WebhookTopic.SHOP_REDACT);
  }

  @Override
  public String apply(Connection c, InboxDelivery delivery) throws SQLException {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    for (String table : TenantTables.inDeletionOrder(c)) {
      // The table name comes from the database catalog as a quoted regclass text, never from input.
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE shop_id = ?")) {
        ps.setObject(1, delivery.shopId().value());
        deleted.put(table, ps.executeUpdate());
      }
    }
    execute(c, MARK, delivery.shopId().value());
    JsonObjectBuilder counts = Json.createObjectBuilder();
    deleted.forEach(counts::add);
    try (PreparedStatement ps = c.prepareStatement(AUDIT)) {
      ps.setString(1, delivery.eventId());
      ps.setTimestamp(2, delivery.triggeredAt() == null ? null : Timestamp.from(delivery.triggeredAt()));
      ps.setString(3, counts.build().toString());
      ps.setObject(4, delivery.shopId().value());
      ps.executeUpdate();
    }
    int total = deleted.values().stream().mapToInt(Integer::intValue).sum();
    LOG.info(() -> "shop/redact erased " + total + " rows of shop " + delivery.shopId() + " from " + deleted.size()
        + " tables");
    return "erased " + total + " rows";
  }

  private static void execute(Connection c, String sql, Object value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, value);
      ps.executeUpdate();
    }
  }
}
