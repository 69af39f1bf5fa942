package dev.neanelu.simulator.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.neanelu.simulator.support.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * A shop's whole catalog as one JSON document for test assertions, streamed so large catalogs do
 * not need a second copy in memory. Field names are the 2026-04 GraphQL ones; children are nested,
 * not flattened.
 */
public final class CatalogSnapshot {

  private CatalogSnapshot() {}

  public static void write(String shop, Catalog catalog, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("shop", shop);
      g.writeNumberField("productCount", catalog.size());
      g.writeArrayFieldStart("products");
      for (Product p : catalog.all()) {
        product(g, p);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void product(JsonGenerator g, Product p) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.gid());
    g.writeStringField("title", p.title());
    g.writeStringField("handle", p.handle());
    g.writeStringField("status", p.status());
    g.writeStringField("vendor", p.vendor());
    g.writeStringField("productType", p.productType());
    g.writeFieldName("tags");
    g.writeObject(p.tags());
    g.writeStringField("descriptionHtml", p.descriptionHtml());
    g.writeStringField("createdAt", iso(p.createdAt()));
    g.writeStringField("updatedAt", iso(p.updatedAt()));
    g.writeFieldName("options");
    g.writeObject(p.optionNames());
    g.writeArrayFieldStart("variants");
    for (Variant v : p.variants()) {
      variant(g, v);
    }
    g.writeEndArray();
    metafields(g, p.metafields());
    g.writeArrayFieldStart("media");
    for (MediaImage m : p.media()) {
      g.writeStartObject();
      g.writeStringField("id", m.gid());
      g.writeStringField("alt", m.alt());
      g.writeStringField("url", m.url());
      g.writeNumberField("width", m.width());
      g.writeNumberField("height", m.height());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void variant(JsonGenerator g, Variant v) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", v.gid());
    g.writeStringField("title", v.title());
    g.writeStringField("sku", v.sku());
    g.writeStringField("price", v.price());
    g.writeStringField("compareAtPrice", v.compareAtPrice());
    g.writeStringField("barcode", v.barcode());
    g.writeNumberField("position", v.position());
    g.writeNumberField("inventoryQuantity", v.inventoryQuantity());
    g.writeBooleanField("taxable", v.taxable());
    g.writeStringField("inventoryPolicy", v.inventoryPolicy());
    g.writeFieldName("optionValues");
    g.writeObject(v.optionValues());
    g.writeStringField("createdAt", iso(v.createdAt()));
    g.writeStringField("updatedAt", iso(v.updatedAt()));
    metafields(g, v.metafields());
    g.writeEndObject();
  }

  private static void metafields(JsonGenerator g, List<Metafield> metafields) throws IOException {
    g.writeArrayFieldStart("metafields");
    for (Metafield m : metafields) {
      g.writeStartObject();
      g.writeStringField("id", m.gid());
      g.writeStringField("namespace", m.namespace());
      g.writeStringField("key", m.key());
      g.writeStringField("type", m.type());
      g.writeStringField("value", m.value());
      g.writeStringField("updatedAt", iso(m.updatedAt()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String iso(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }
}
