package dev.neanelu.catalog;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A product node of the sweep's {@code SweepProducts} query as catalog rows. The node already carries the GraphQL
 * names the catalog stores; only the connections become child rows. Text is stored with NUL replaced by U+FFFD.
 */
final class GraphqlProduct {

  private GraphqlProduct() {}

  /** Whether a connection of the node has more than the page read (the product is then left to a sync). */
  static boolean truncated(JsonObject node) {
    return hasNextPage(node, "variants") || hasNextPage(node, "media");
  }

  static CatalogChange from(JsonObject node) {
    long productId = RestProduct.gidNumber(node.getString("id"), "Product");
    JsonObjectBuilder fields = Json.createObjectBuilder();
    node.forEach(
        (name, value) -> {
          if (!name.equals("variants") && !name.equals("media")) {
            fields.add(name, clean(value));
          }
        });
    List<String> tags = new ArrayList<>();
    if (node.get("tags") instanceof JsonArray array) {
      array.forEach(t -> tags.add(RestProduct.clean(((JsonString) t).getString())));
    }
    CatalogChange.Row product =
        new CatalogChange.Row(
            productId, 0, text(node, "title"), text(node, "handle"), text(node, "status"), text(node, "vendor"),
            text(node, "productType"), tags, null, null, null, null, null, instant(node, "createdAt"),
            instant(node, "updatedAt"), fields.build());
    List<CatalogChange.Row> variants = new ArrayList<>();
    for (JsonObject v : nodes(node, "variants")) {
      Integer position = v.get("position") instanceof JsonNumber n ? n.intValue() : null;
      variants.add(
          new CatalogChange.Row(
              RestProduct.gidNumber(v.getString("id"), "ProductVariant"), productId, text(v, "title"), null, null,
              null, null, List.of(), text(v, "sku"), position, null, null, null, instant(v, "createdAt"),
              instant(v, "updatedAt"), (JsonObject) clean(v)));
    }
    List<CatalogChange.Row> media = new ArrayList<>();
    for (JsonObject m : nodes(node, "media")) {
      String gid = m.getString("id");
      media.add(
          new CatalogChange.Row(
              Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1)), productId, null, null, null, null, null,
              List.of(), null, null, null, null, text(m, "mediaContentType"), null, null, (JsonObject) clean(m)));
    }
    return new CatalogChange(product, variants, media, List.of());
  }

  private static List<JsonObject> nodes(JsonObject node, String connection) {
    List<JsonObject> out = new ArrayList<>();
    if (node.get(connection) instanceof JsonObject c && c.get("nodes") instanceof JsonArray nodes) {
      nodes.forEach(n -> out.add(n.asJsonObject()));
    }
    return out;
  }

  private static boolean hasNextPage(JsonObject node, String connection) {
    return node.get(connection) instanceof JsonObject c
        && c.get("pageInfo") instanceof JsonObject page
        && page.getBoolean("hasNextPage", false);
  }

  private static JsonValue clean(JsonValue value) {
    if (value instanceof JsonString s) {
      return Json.createValue(RestProduct.clean(s.getString()));
    }
    if (value instanceof JsonObject o) {
      JsonObjectBuilder b = Json.createObjectBuilder();
      o.forEach((k, v) -> b.add(k, clean(v)));
      return b.build();
    }
    if (value instanceof JsonArray a) {
      var b = Json.createArrayBuilder();
      a.forEach(v -> b.add(clean(v)));
      return b.build();
    }
    return value;
  }

  private static String text(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? RestProduct.clean(s.getString()) : null;
  }

  private static Instant instant(JsonObject o, String key) {
    String s = text(o, key);
    return s == null ? null : Instant.parse(s);
  }
}
