package dev.neanelu.catalog;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A product as a {@code products/create|update} webhook carries it (Shopify's REST resource: snake_case, lowercase
 * enums, tags as one comma-separated string), translated to the catalog's rows under the Admin GraphQL names the bulk
 * export stores, so that both sources write the same shape and the same newest-{@code updatedAt}-wins rule compares
 * like with like. Ids come from {@code admin_graphql_api_id}. Text is stored with NUL (which PostgreSQL text cannot
 * hold) replaced by U+FFFD. Media come from the payload's {@code media} (MediaImage ids, as the export has them);
 * {@code images} carry ProductImage ids, which the catalog does not key media by, so they are not stored.
 */
final class RestProduct {

  private RestProduct() {}

  static CatalogChange from(JsonObject rest) {
    long productId = gidNumber(rest.getString("admin_graphql_api_id"), "Product");
    List<String> tags = tags(text(rest, "tags"));
    JsonObjectBuilder f = Json.createObjectBuilder();
    f.add("id", rest.getString("admin_graphql_api_id"));
    f.add("legacyResourceId", Long.toString(productId));
    copy(rest, f, "title", "title");
    copy(rest, f, "handle", "handle");
    copy(rest, f, "body_html", "descriptionHtml");
    copy(rest, f, "vendor", "vendor");
    copy(rest, f, "product_type", "productType");
    copy(rest, f, "template_suffix", "templateSuffix");
    copy(rest, f, "created_at", "createdAt");
    copy(rest, f, "updated_at", "updatedAt");
    copy(rest, f, "published_at", "publishedAt");
    String status = upper(text(rest, "status"));
    if (status != null) {
      f.add("status", status);
    }
    JsonArrayBuilder tagArray = Json.createArrayBuilder();
    tags.forEach(tagArray::add);
    f.add("tags", tagArray);
    List<String> optionNames = new ArrayList<>();
    if (rest.get("options") instanceof JsonArray options) {
      JsonArrayBuilder out = Json.createArrayBuilder();
      for (JsonValue o : options) {
        JsonObject option = o.asJsonObject();
        optionNames.add(text(option, "name"));
        out.add(
            Json.createObjectBuilder()
                .add("name", clean(option.getString("name", "")))
                .add("position", option.getInt("position", optionNames.size()))
                .add("values", cleanArray(option.get("values"))));
      }
      f.add("options", out);
    }
    CatalogChange.Row product =
        new CatalogChange.Row(
            productId, 0, text(rest, "title"), text(rest, "handle"), status, text(rest, "vendor"),
            text(rest, "product_type"), tags, null, null, null, null, null, instant(rest, "created_at"),
            instant(rest, "updated_at"), f.build());
    return new CatalogChange(
        product, variants(rest, productId, optionNames), media(rest, productId), metafields(rest, productId));
  }

  private static List<CatalogChange.Row> variants(JsonObject rest, long productId, List<String> optionNames) {
    List<CatalogChange.Row> rows = new ArrayList<>();
    if (!(rest.get("variants") instanceof JsonArray variants)) {
      return rows;
    }
    for (JsonValue value : variants) {
      JsonObject v = value.asJsonObject();
      String gid = v.getString("admin_graphql_api_id");
      long id = gidNumber(gid, "ProductVariant");
      JsonObjectBuilder f = Json.createObjectBuilder().add("id", gid).add("legacyResourceId", Long.toString(id));
      copy(v, f, "title", "title");
      copy(v, f, "sku", "sku");
      copy(v, f, "barcode", "barcode");
      copy(v, f, "price", "price");
      copy(v, f, "compare_at_price", "compareAtPrice");
      copy(v, f, "position", "position");
      copy(v, f, "taxable", "taxable");
      copy(v, f, "inventory_quantity", "inventoryQuantity");
      copy(v, f, "created_at", "createdAt");
      copy(v, f, "updated_at", "updatedAt");
      String policy = upper(text(v, "inventory_policy"));
      if (policy != null) {
        f.add("inventoryPolicy", policy);
      }
      JsonArrayBuilder selected = Json.createArrayBuilder();
      for (int i = 0; i < 3; i++) {
        String optionValue = text(v, "option" + (i + 1));
        if (optionValue != null && i < optionNames.size()) {
          selected.add(Json.createObjectBuilder().add("name", clean(optionNames.get(i))).add("value", optionValue));
        }
      }
      f.add("selectedOptions", selected);
      Integer position = v.get("position") instanceof JsonNumber n ? n.intValue() : null;
      rows.add(
          new CatalogChange.Row(
              id, productId, text(v, "title"), null, null, null, null, List.of(), text(v, "sku"), position, null,
              null, null, instant(v, "created_at"), instant(v, "updated_at"), f.build()));
    }
    return rows;
  }

  private static List<CatalogChange.Row> media(JsonObject rest, long productId) {
    List<CatalogChange.Row> rows = new ArrayList<>();
    if (!(rest.get("media") instanceof JsonArray media)) {
      return rows;
    }
    for (JsonValue value : media) {
      JsonObject m = value.asJsonObject();
      String gid = m.getString("admin_graphql_api_id", "");
      String type = upper(text(m, "media_content_type"));
      if (!gid.startsWith("gid://shopify/") || type == null) {
        continue;
      }
      long id = Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
      JsonObjectBuilder f = Json.createObjectBuilder().add("id", gid).add("mediaContentType", type);
      copy(m, f, "alt", "alt");
      copy(m, f, "created_at", "createdAt");
      String status = upper(text(m, "status"));
      if (status != null) {
        f.add("status", status);
      }
      if (m.get("preview_image") instanceof JsonObject preview) {
        JsonObjectBuilder image = Json.createObjectBuilder();
        copy(preview, image, "src", "url");
        copy(preview, image, "width", "width");
        copy(preview, image, "height", "height");
        f.add("image", image);
      }
      rows.add(
          new CatalogChange.Row(id, productId, null, null, null, null, null, List.of(), null, null, null, null, type, null, null,
              f.build()));
    }
    return rows;
  }

  private static List<CatalogChange.Row> metafields(JsonObject rest, long productId) {
    List<CatalogChange.Row> rows = new ArrayList<>();
    if (!(rest.get("metafields") instanceof JsonArray metafields)) {
      return rows;
    }
    for (JsonValue value : metafields) {
      JsonObject m = value.asJsonObject();
      String gid = m.getString("admin_graphql_api_id", "");
      if (!gid.startsWith("gid://shopify/Metafield/")) {
        continue;
      }
      long id = gidNumber(gid, "Metafield");
      JsonObjectBuilder f = Json.createObjectBuilder().add("id", gid);
      copy(m, f, "namespace", "namespace");
      copy(m, f, "key", "key");
      copy(m, f, "type", "type");
      copy(m, f, "value", "value");
      copy(m, f, "created_at", "createdAt");
      copy(m, f, "updated_at", "updatedAt");
      rows.add(
          new CatalogChange.Row(id, productId, null, null, null, null, null, List.of(), null, null, text(m, "namespace"),
              text(m, "key"), text(m, "type"), instant(m, "created_at"), instant(m, "updated_at"), f.build()));
    }
    return rows;
  }

  /** The number of {@code gid://shopify/<type>/<n>}; anything else is not a payload of this topic. */
  static long gidNumber(String gid, String type) {
    String prefix = "gid://shopify/" + type + "/";
    if (gid == null || !gid.startsWith(prefix)) {
      throw new IllegalArgumentException("Not a " + type + " id: " + gid);
    }
    return Long.parseLong(gid.substring(prefix.length()));
  }

  static List<String> tags(String tags) {
    if (tags == null || tags.isBlank()) {
      return List.of();
    }
    return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** NUL cannot be stored in PostgreSQL text or jsonb; U+FFFD marks where it was. */
  static String clean(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }

  private static JsonValue cleanValue(JsonValue value) {
    if (value instanceof JsonString s) {
      return Json.createValue(clean(s.getString()));
    }
    if (value instanceof JsonArray a) {
      return cleanArray(a);
    }
    if (value instanceof JsonObject o) {
      JsonObjectBuilder b = Json.createObjectBuilder();
      o.forEach((k, v) -> b.add(clean(k), cleanValue(v)));
      return b.build();
    }
    return value;
  }

  private static JsonArray cleanArray(JsonValue value) {
    JsonArrayBuilder b = Json.createArrayBuilder();
    if (value instanceof JsonArray a) {
      a.forEach(v -> b.add(cleanValue(v)));
    }
    return b.build();
  }

  private static void copy(JsonObject from, JsonObjectBuilder to, String restName, String graphqlName) {
    if (from.containsKey(restName)) {
      to.add(graphqlName, cleanValue(from.get(restName)));
    }
  }

  private static String text(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? clean(s.getString()) : null;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static Instant instant(JsonObject o, String key) {
    String s = text(o, key);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 date-time: " + s);
    }
  }
}
