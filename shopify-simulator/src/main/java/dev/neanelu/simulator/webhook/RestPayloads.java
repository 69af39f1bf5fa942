package dev.neanelu.simulator.webhook;

import dev.neanelu.simulator.catalog.MediaImage;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.Variant;
import dev.neanelu.simulator.shop.Shop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Webhook bodies in Shopify's REST resource shape (snake_case, lowercase enums, tags as one
 * string).
 */
public final class RestPayloads {

  private RestPayloads() {}

  public static Map<String, Object> product(Product p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("admin_graphql_api_id", p.gid());
    m.put("body_html", p.descriptionHtml());
    m.put("created_at", iso(p.createdAt()));
    m.put("handle", p.handle());
    m.put("id", p.id());
    m.put("product_type", p.productType());
    m.put("published_at", "ACTIVE".equals(p.status()) ? iso(p.createdAt()) : null);
    m.put("template_suffix", null);
    m.put("title", p.title());
    m.put("updated_at", iso(p.updatedAt()));
    m.put("vendor", p.vendor());
    m.put("status", p.status().toLowerCase(Locale.ROOT));
    m.put("published_scope", "global");
    m.put("tags", String.join(", ", p.tags()));
    m.put("variants", variants(p));
    m.put("options", options(p));
    m.put("images", images(p));
    m.put("image", images(p).isEmpty() ? null : images(p).get(0));
    m.put("media", media(p));
    return m;
  }

  public static Map<String, Object> productDeleted(long id) {
    return Map.of("id", id);
  }

  public static Map<String, Object> shop(Shop shop) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", shop.id());
    m.put("name", shop.name());
    m.put("email", "owner@" + shop.domain());
    m.put("domain", shop.domain());
    m.put("myshopify_domain", shop.domain());
    m.put("plan_name", shop.plan().name().toLowerCase(Locale.ROOT));
    m.put("currency", "USD");
    m.put("iana_timezone", "UTC");
    return m;
  }

  /** Bodies of the mandatory compliance topics, in the shape of Shopify's app templates. */
  public static Map<String, Object> compliance(Shop shop, String topic) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shop_id", shop.id());
    m.put("shop_domain", shop.domain());
    Map<String, Object> customer =
        Map.of("id", 191167L, "email", "john@example.com", "phone", "555-625-1199");
    switch (topic) {
      case "customers/data_request" -> {
        m.put("orders_requested", List.of(299938L, 280263L, 220458L));
        m.put("customer", customer);
        m.put("data_request", Map.of("id", 9999L));
      }
      case "customers/redact" -> {
        m.put("customer", customer);
        m.put("orders_to_redact", List.of(299938L, 280263L, 220458L));
      }
      case "shop/redact" -> {}
      default -> throw new IllegalArgumentException("not a compliance topic: " + topic);
    }
    return m;
  }

  private static List<Map<String, Object>> variants(Product p) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Variant v : p.variants()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("admin_graphql_api_id", v.gid());
      m.put("barcode", v.barcode());
      m.put("compare_at_price", v.compareAtPrice());
      m.put("created_at", iso(v.createdAt()));
      m.put("id", v.id());
      m.put("inventory_policy", v.inventoryPolicy().toLowerCase(Locale.ROOT));
      m.put("position", v.position());
      m.put("price", v.price());
      m.put("product_id", p.id());
      m.put("sku", v.sku());
      m.put("taxable", v.taxable());
      m.put("title", v.title());
      m.put("updated_at", iso(v.updatedAt()));
      for (int i = 0; i < 3; i++) {
        m.put("option" + (i + 1), i < v.optionValues().size() ? v.optionValues().get(i) : null);
      }
      m.put("inventory_quantity", v.inventoryQuantity());
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, Object>> options(Product p) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < p.optionNames().size(); i++) {
      final int index = i;
      List<String> values =
          p.variants().stream()
              .filter(v -> v.optionValues().size() > index)
              .map(v -> v.optionValues().get(index))
              .distinct()
              .toList();
      out.add(
          Map.of(
              "name",
              p.optionNames().get(i),
              "position",
              i + 1,
              "product_id",
              p.id(),
              "values",
              values));
    }
    return out;
  }

  /** The product's media with their MediaImage ids, as product webhooks carry them from API version 2024-07. */
  private static List<Map<String, Object>> media(Product p) {
    List<Map<String, Object>> out = new ArrayList<>();
    int position = 1;
    for (MediaImage media : p.media()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", media.id());
      m.put("product_id", p.id());
      m.put("position", position++);
      m.put("created_at", iso(media.createdAt()));
      m.put("alt", media.alt());
      m.put("status", "READY");
      m.put("media_content_type", "IMAGE");
      Map<String, Object> preview = new LinkedHashMap<>();
      preview.put("width", media.width());
      preview.put("height", media.height());
      preview.put("src", media.url());
      preview.put("status", "READY");
      m.put("preview_image", preview);
      m.put("variant_ids", List.of());
      m.put("admin_graphql_api_id", media.gid());
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, Object>> images(Product p) {
    List<Map<String, Object>> out = new ArrayList<>();
    int position = 1;
    for (MediaImage media : p.media()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", media.id());
      m.put("alt", media.alt());
      m.put("position", position++);
      m.put("product_id", p.id());
      m.put("src", media.url());
      m.put("width", media.width());
      m.put("height", media.height());
      out.add(m);
    }
    return out;
  }

  private static String iso(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }
}
