package dev.neanelu.catalog;

import dev.neanelu.webhook.InboxDelivery;
import dev.neanelu.webhook.UnusableDeliveryException;
import dev.neanelu.webhook.WebhookHandler;
import dev.neanelu.webhook.WebhookTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * Applies {@code products/create|update|delete} to the catalog, out-of-order safe ({@link CatalogWrites}: newest
 * {@code updatedAt} wins, a delete is not undone by an older version). A delete of a product never stored leaves a
 * tombstone, so that its create, delivered late, stays deleted.
 */
@ApplicationScoped
public class ProductWebhooks implements WebhookHandler {

  private static final String DELETE_PRODUCT =
      "INSERT INTO products AS p (shop_id, product_id, deleted_at, synced_at) VALUES (?, ?, ?, now())"
          + " ON CONFLICT (shop_id, product_id) DO UPDATE SET deleted_at = excluded.deleted_at, synced_at = now()"
          + " WHERE p.deleted_at IS NULL AND (p.updated_at IS NULL OR p.updated_at <= excluded.deleted_at)";

  @Override
  public Set<WebhookTopic> topics() {
    return Set.of(WebhookTopic.PRODUCTS_CREATE, WebhookTopic.PRODUCTS_UPDATE, WebhookTopic.PRODUCTS_DELETE);
  }

  @Override
  public String apply(Connection c, InboxDelivery delivery) throws SQLException {
    if (delivery.topic() == WebhookTopic.PRODUCTS_DELETE) {
      return delete(c, delivery);
    }
    CatalogChange product;
    try {
      product = RestProduct.from(delivery.body());
    } catch (IllegalArgumentException | ClassCastException | NullPointerException | JsonException e) {
      throw new UnusableDeliveryException("not a usable product payload: " + e.getMessage(), e);
    }
    int variants = CatalogWrites.apply(c, delivery.shopId(), product);
    if (variants < 0) {
      return "kept the stored product: it is newer, or was deleted after this version";
    }
    return "product " + product.product().id() + " stored with " + variants + " of " + product.variants().size()
        + " variants (older ones kept)";
  }

  private String delete(Connection c, InboxDelivery delivery) throws SQLException {
    long id;
    try {
      id = delivery.body().getJsonNumber("id").longValueExact();
    } catch (ArithmeticException | ClassCastException | NullPointerException e) {
      throw new UnusableDeliveryException("products/delete without a numeric id", e);
    }
    Instant at = delivery.triggeredAt() == null ? Instant.now() : delivery.triggeredAt();
    try (PreparedStatement ps = c.prepareStatement(DELETE_PRODUCT)) {
      ps.setObject(1, delivery.shopId().value());
      ps.setLong(2, id);
      ps.setTimestamp(3, Timestamp.from(at));
      return ps.executeUpdate() == 1 ? "product " + id + " marked deleted" : "product " + id + " already deleted";
    }
  }

}
