package dev.neanelu.simulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neanelu.simulator.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a catalog from Shopify's bulk JSONL format: Product lines plus ProductVariant, Metafield and MediaImage lines
 * that name their parent in {@code __parentId}, in any order (children may come before their parents, as with
 * {@code groupObjects:false}). Metafields attach to a product or a variant, whichever their parent is.
 */
public final class CatalogJsonl {

  private CatalogJsonl() {}

  /**
   * Reads the lines and puts the assembled products into the catalog.
   *
   * @return number of products loaded
   */
  public static int load(Catalog catalog, InputStream in) throws IOException {
    Map<String, JsonNode> products = new LinkedHashMap<>();
    Map<String, List<JsonNode>> children = new HashMap<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = Json.tree(line);
        String id = text(node, "id", null);
        if (id == null) {
          throw new IllegalArgumentException("line " + number + " has no id");
        }
        if (node.hasNonNull("__parentId")) {
          children.computeIfAbsent(node.get("__parentId").asText(), k -> new ArrayList<>()).add(node);
        } else if ("Product".equals(Gid.type(id))) {
          products.put(id, node);
        } else {
          throw new IllegalArgumentException("line " + number + ": a root line must be a Product, got " + id);
        }
      }
    }
    for (Map.Entry<String, JsonNode> e : products.entrySet()) {
      catalog.put(product(e.getValue(), children));
    }
    return products.size();
  }

  private static Product product(JsonNode n, Map<String, List<JsonNode>> children) {
    ProductDraft d = new ProductDraft();
    d.id = Gid.id(n.get("id").asText());
    d.title = text(n, "title", "");
    d.handle = text(n, "handle", "product-" + d.id);
    d.status = text(n, "status", "ACTIVE");
    d.vendor = text(n, "vendor", "");
    d.productType = text(n, "productType", "");
    d.descriptionHtml = text(n, "descriptionHtml", "");
    d.createdAt = epoch(n, "createdAt", 0);
    d.updatedAt = epoch(n, "updatedAt", d.createdAt);
    d.tags = tags(n.get("tags"));
    if (n.has("options")) {
      n.get("options").forEach(o -> d.optionNames.add(o.path("name").asText()));
    }
    for (JsonNode child : children.getOrDefault(n.get("id").asText(), List.of())) {
      String type = Gid.type(child.get("id").asText());
      switch (type == null ? "" : type) {
        case "ProductVariant" -> d.variants.add(variant(child, d, children));
        case "Metafield" -> d.metafields.add(metafield(child));
        case "MediaImage" -> d.media.add(media(child, d.createdAt));
        default -> { }
      }
    }
    d.variants.sort(java.util.Comparator.comparingInt(Variant::position));
    return d.build();
  }

  private static Variant variant(JsonNode v, ProductDraft owner, Map<String, List<JsonNode>> children) {
    List<String> values = new ArrayList<>();
    if (v.has("selectedOptions")) {
      for (JsonNode o : v.get("selectedOptions")) {
        values.add(o.path("value").asText());
        if (owner.optionNames.size() < values.size()) {
          owner.optionNames.add(o.path("name").asText());
        }
      }
    }
    List<Metafield> metafields = new ArrayList<>();
    for (JsonNode child : children.getOrDefault(v.get("id").asText(), List.of())) {
      if ("Metafield".equals(Gid.type(child.get("id").asText()))) {
        metafields.add(metafield(child));
      }
    }
    long created = epoch(v, "createdAt", owner.createdAt);
    return new Variant(
        Gid.id(v.get("id").asText()),
        text(v, "title", "Default Title"),
        text(v, "sku", null),
        text(v, "price", "0.00"),
        text(v, "compareAtPrice", null),
        text(v, "barcode", null),
        v.path("position").asInt(owner.variants.size() + 1),
        v.path("inventoryQuantity").asInt(0),
        v.path("taxable").asBoolean(true),
        text(v, "inventoryPolicy", "DENY"),
        values,
        created,
        epoch(v, "updatedAt", created),
        metafields);
  }

  private static Metafield metafield(JsonNode m) {
    long created = epoch(m, "createdAt", 0);
    return new Metafield(
        Gid.id(m.get("id").asText()),
        text(m, "namespace", "custom"),
        text(m, "key", ""),
        text(m, "type", "single_line_text_field"),
        text(m, "value", ""),
        created,
        epoch(m, "updatedAt", created));
  }

  private static MediaImage media(JsonNode m, long fallbackCreated) {
    JsonNode image = m.path("image");
    return new MediaImage(
        Gid.id(m.get("id").asText()),
        text(m, "alt", null),
        image.hasNonNull("url") ? image.get("url").asText() : text(m, "url", null),
        image.path("width").asInt(0),
        image.path("height").asInt(0),
        epoch(m, "createdAt", fallbackCreated));
  }

  private static List<String> tags(JsonNode tags) {
    List<String> out = new ArrayList<>();
    if (tags == null || tags.isNull()) {
      return out;
    }
    if (tags.isArray()) {
      tags.forEach(t -> out.add(t.asText()));
    } else {
      for (String t : tags.asText().split(",")) {
        if (!t.isBlank()) {
          out.add(t.trim());
        }
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field, String fallback) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  private static long epoch(JsonNode n, String field, long fallback) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? fallback : Instant.parse(v.asText()).getEpochSecond();
  }
}
