package dev.neanelu.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The topics the application accepts, with what a genuine body of each must look like.
 *
 * <p>Shopify signs only the body; the topic and shop headers are not covered. So a topic whose payload names the shop
 * must name the shop of the header, and each topic's body must have its own shape (its required keys present, the
 * keys of the topics it could be mistaken for absent): a signed body of one topic or shop then cannot be re-aimed at
 * another through the headers, and text signed with the same secret for another protocol (a session token's
 * {@code header.payload}, an OAuth query string) is not a JSON object at all.
 */
public enum WebhookTopic {
  PRODUCTS_CREATE("products/create", null, List.of("id", "admin_graphql_api_id", "updated_at"), List.of()),
  PRODUCTS_UPDATE("products/update", null, List.of("id", "admin_graphql_api_id", "updated_at"), List.of()),
  PRODUCTS_DELETE("products/delete", null, List.of("id"), List.of("myshopify_domain", "shop_domain", "title")),
  APP_UNINSTALLED("app/uninstalled", "myshopify_domain", List.of("id", "myshopify_domain"), List.of("shop_domain")),
  BULK_OPERATIONS_FINISH(
      "bulk_operations/finish", null, List.of("admin_graphql_api_id", "status"), List.of("shop_domain")),
  CUSTOMERS_DATA_REQUEST(
      "customers/data_request", "shop_domain", List.of("shop_id", "customer", "data_request"), List.of()),
  CUSTOMERS_REDACT(
      "customers/redact", "shop_domain", List.of("shop_id", "customer"), List.of("data_request")),
  SHOP_REDACT(
      "shop/redact", "shop_domain", List.of("shop_id"), List.of("customer", "data_request", "orders_to_redact"));

  private final String header;
  private final String shopKey;
  private final List<String> required;
  private final List<String> forbidden;

  WebhookTopic(String header, String shopKey, List<String> required, List<String> forbidden) {
    this.header = header;
    this.shopKey = shopKey;
    this.required = required;
    this.forbidden = forbidden;
  }

  /** The topic as Shopify's {@code X-Shopify-Topic} header spells it, e.g. {@code products/update}. */
  public String header() {
    return header;
  }

  /** The body key that names the shop, when the payload names it. */
  public Optional<String> shopKey() {
    return Optional.ofNullable(shopKey);
  }

  /** Keys a genuine body of this topic always has. */
  public List<String> required() {
    return required;
  }

  /** Keys a genuine body of this topic never has (they belong to topics it could be mistaken for). */
  public List<String> forbidden() {
    return forbidden;
  }

  /** Compliance topics are applied whenever they arrive, also for an uninstalled shop and also when late. */
  public boolean compliance() {
    return this == CUSTOMERS_DATA_REQUEST || this == CUSTOMERS_REDACT || this == SHOP_REDACT;
  }

  public static Optional<WebhookTopic> fromHeader(String header) {
    return Arrays.stream(values()).filter(t -> t.header.equals(header)).findFirst();
  }
}
