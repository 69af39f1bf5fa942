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
 * Loads a catalog from Shopify's bulk JSONL format: Product lines plus ProductVariant, Metafield
 * and MediaImage lines that name their parent in {@code __parentId}, in any order (children may
 * come before their parents, as with {@code groupObjects:false}). Metafields attach to a product or
 * a variant, whichever their parent is.
 */
public final class CatalogJsonl {

  private CatalogJsonl() {}

  /**
   * Reads the lines and puts the assembled products into the catalog.
   *
   * @return number of products loaded
   */
  public static int load(Catalog catalog, InputStream in) throws IOException {
    Map<String, ProductDraft> products = new LinkedHashMap<>();
    Map<String, List<Object>> children = new HashMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          read(Json.tree(line), number, products, children);
        }
      }
    }
    for (Map.Entry<String, ProductDraft> e : products.entrySet()) {
      catalog.put(assemble(e.getKey(), e.getValue(), children));
    }
    return products.size();
  }

  /**
   * Turns one line into a compact record at once, so a large file never lives in memory as JSON
   * trees.
   */
  private static void read(
      JsonNode node,
      int number,
      Map<String, ProductDraft> products,
      Map<String, List<Object>> children) {
    String id = text(node, "id", null);
    if (id == null) {
      throw new IllegalArgumentException("line " + number + " has no id");
    }
    String type = Gid.type(id);
    if (!node.hasNonNull("__parentId")) {
      if (!"Product".equals(type)) {
        throw new IllegalArgumentException(
            "line " + number + ": a root line must be a Product, got " + id);
      }
      products.put(id, product(node));
      return;
    }
    Object child =
        switch (type == null ? "" : type) {
          case "ProductVariant" -> variant(node);
          case "Metafield" -> metafield(node);
          case "MediaImage" -> media(node);
          default -> null;
        };
    if (child != null) {
      children.computeIfAbsent(node.get("__parentId").asText(), k -> new ArrayList<>()).add(child);
    }
  }

  private static ProductDraft product(JsonNode n) {
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
    return d;
  }

  private static Product assemble(String gid, ProductDraft d, Map<String, List<Object>> children) {
    for (Object child : children.getOrDefault(gid, List.of())) {
      if (child instanceof LoadedVariant v) {
        d.variants.add(v.complete(d, children));
      } else if (child instanceof Metafield m) {
        d.metafields.add(m);
      } else if (child instanceof MediaImage m) {
        d.media.add(
            m.createdAt() != 0
                ? m
                : new MediaImage(m.id(), m.alt(), m.url(), m.width(), m.height(), d.createdAt));
      }
    }
    d.variants.sort(java.util.Comparator.comparingInt(Variant::position));
    return d.build();
  }

  /** A variant line waiting for its product (timestamps, option names) and its own metafields. */
  private record LoadedVariant(Variant variant, List<String> optionNames) {

    Variant complete(ProductDraft owner, Map<String, List<Object>> children) {
      Variant v = variant;
      if (owner.optionNames.size() < optionNames.size()) {
        owner.optionNames = new ArrayList<>(optionNames);
      }
      List<Metafield> metafields = new ArrayList<>();
      for (Object child : children.getOrDefault(v.gid(), List.of())) {
        if (child instanceof Metafield m) {
          metafields.add(m);
        }
      }
      long created = v.createdAt() == 0 ? owner.createdAt : v.createdAt();
      return new Variant(
          v.id(),
          v.title(),
          v.sku(),
          v.price(),
          v.compareAtPrice(),
          v.barcode(),
          v.position() == 0 ? owner.variants.size() + 1 : v.position(),
          v.inventoryQuantity(),
          v.taxable(),
          v.inventoryPolicy(),
          v.optionValues(),
          created,
          v.updatedAt() == 0 ? created : v.updatedAt(),
          List.copyOf(metafields));
    }
  }

  private static LoadedVariant variant(JsonNode v) {
    List<String> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (v.has("selectedOptions")) {
      for (JsonNode o : v.get("selectedOptions")) {
        values.add(o.path("value").asText());
        names.add(o.path("name").asText());
      }
    }
    Variant variant =
        new Variant(
            Gid.id(v.get("id").asText()),
            text(v, "title", "Default Title"),
            text(v, "sku", null),
            text(v, "price", "0.00"),
            text(v, "compareAtPrice", null),
            text(v, "barcode", null),
            v.path("position").asInt(0),
            v.path("inventoryQuantity").asInt(0),
            v.path("taxable").asBoolean(true),
            text(v, "inventoryPolicy", "DENY"),
            List.copyOf(values),
            epoch(v, "createdAt", 0),
            epoch(v, "updatedAt", 0),
            List.of());
    return new LoadedVariant(variant, names);
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

  private static MediaImage media(JsonNode m) {
    JsonNode image = m.path("image");
    return new MediaImage(
        Gid.id(m.get("id").asText()),
        text(m, "alt", null),
        image.hasNonNull("url") ? image.get("url").asText() : text(m, "url", null),
        image.path("width").asInt(0),
        image.path("height").asInt(0),
        epoch(m, "createdAt", 0));
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
