package dev.neanelu.compliance;

import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import dev.neanelu.webhook.InboxDelivery;
import dev.neanelu.webhook.WebhookHandler;
import dev.neanelu.webhook.WebhookTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code customers/data_request} and {@code customers/redact}: records the request with its report and
 * removes the customer's e-mail address and phone number from the stored delivery (the request is the only place
 * Neanelu ever received them). Neanelu stores product catalogs, sync bookkeeping and the app's credentials, none of
 * which hold customer data, so a data request's report lists no personal data and a redaction erases nothing else.
 * Reports are served by the ops API.
 */
@ApplicationScoped
public class CustomerRequests implements WebhookHandler {

  static final String HOLDS_NOTHING =
      "Neanelu stores a shop's product catalog (products, variants, metafields, media), its sync runs and the app's"
          + " credentials. None of these hold customer data; the only customer details Neanelu received are the"
          + " ones in this request, and they were removed from storage once the request was recorded.";

  private static final String RECORD =
      "INSERT INTO compliance_requests (shop_id, inbox_id, topic, customer_id, data_request_id, orders, report)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (inbox_id) DO NOTHING";
  private static final String STRIP = "UPDATE webhook_inbox SET body = ? WHERE id = ?";
  private static final String LIST =
      "SELECT id, topic, customer_id, data_request_id, orders, report::text, received_at, completed_at"
          + " FROM compliance_requests ORDER BY id DESC LIMIT ?";

  @Inject TenantContext tenants;

  /** A recorded request as the ops API shows it. */
  public record Recorded(
      long id,
      String topic,
      Long customerId,
      Long dataRequestId,
      List<Long> orders,
      String reportJson,
      Instant receivedAt,
      Instant completedAt) {}

  @Override
  public Set<WebhookTopic> topics() {
    return Set.of(WebhookTopic.CUSTOMERS_DATA_REQUEST, WebhookTopic.CUSTOMERS_REDACT);
  }

  @Override
  public String apply(Connection c, InboxDelivery delivery) throws SQLException {
    JsonObject body = delivery.body();
    Long customerId = id(body.get("customer"));
    Long dataRequestId = id(body.get("data_request"));
    JsonArray orders = orders(body, delivery.topic());
    try (PreparedStatement ps = c.prepareStatement(RECORD)) {
      ps.setObject(1, delivery.shopId().value());
      ps.setLong(2, delivery.id());
      ps.setString(3, delivery.topic().header());
      ps.setObject(4, customerId);
      ps.setObject(5, dataRequestId);
      ps.setArray(6, c.createArrayOf("bigint", longs(orders).toArray()));
      ps.setString(7, report(delivery.topic(), customerId, dataRequestId, orders).toString());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(STRIP)) {
      ps.setString(1, withoutContactDetails(body).toString());
      ps.setLong(2, delivery.id());
      ps.executeUpdate();
    }
    return delivery.topic() == WebhookTopic.CUSTOMERS_REDACT
        ? "recorded; no customer data held, nothing else to erase"
        : "recorded; report ready (no customer data held)";
  }

  /** The shop's recorded requests, newest first. */
  public List<Recorded> recorded(TenantId shop, int limit) {
    return tenants.call(
        shop,
        c -> {
          List<Recorded> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(LIST)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Recorded(
                        rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
                        orders(rs.getArray(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()));
              }
            }
          }
          return out;
        });
  }

  static JsonObject report(WebhookTopic topic, Long customerId, Long dataRequestId, JsonArray orders) {
    JsonObjectBuilder report =
        Json.createObjectBuilder()
            .add("topic", topic.header())
            .add("customerId", customerId == null ? JsonValue.NULL : Json.createValue(customerId))
            .add("orders", orders)
            .add("personalData", JsonValue.EMPTY_JSON_ARRAY)
            .add("statement", HOLDS_NOTHING);
    if (dataRequestId != null) {
      report.add("dataRequestId", dataRequestId);
    }
    if (topic == WebhookTopic.CUSTOMERS_REDACT) {
      report.add("erased", JsonValue.EMPTY_JSON_ARRAY);
    }
    return report.build();
  }

  /** The body with only Shopify's ids of the customer left. */
  static JsonObject withoutContactDetails(JsonObject body) {
    JsonObjectBuilder stripped = Json.createObjectBuilder(body);
    Long customerId = id(body.get("customer"));
    stripped.add(
        "customer",
        customerId == null
            ? JsonValue.NULL
            : Json.createObjectBuilder().add("id", customerId).build());
    return stripped.build();
  }

  private static JsonArray orders(JsonObject body, WebhookTopic topic) {
    String key = topic == WebhookTopic.CUSTOMERS_REDACT ? "orders_to_redact" : "orders_requested";
    JsonValue value = body.get(key);
    JsonArrayBuilder out = Json.createArrayBuilder();
    if (value instanceof JsonArray array) {
      for (JsonValue order : array) {
        if (order instanceof JsonNumber n && n.isIntegral()) {
          out.add(n.longValue());
        }
      }
    }
    return out.build();
  }

  private static List<Long> longs(JsonArray array) {
    List<Long> out = new ArrayList<>();
    for (JsonValue v : array) {
      out.add(((JsonNumber) v).longValue());
    }
    return out;
  }

  private static List<Long> orders(Array array) throws SQLException {
    List<Long> out = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      out.add(((Number) o).longValue());
    }
    return out;
  }

  private static Long id(JsonValue value) {
    if (value instanceof JsonObject o && o.get("id") instanceof JsonNumber n && n.isIntegral()) {
      return n.longValue();
    }
    return null;
  }
}
