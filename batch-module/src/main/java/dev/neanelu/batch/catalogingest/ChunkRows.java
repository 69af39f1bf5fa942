package dev.neanelu.batch.catalogingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One chunk's lines as the CSV rows of the {@code chunk_lines} COPY, and what kinds of line it held. Types the
 * catalog does not store (lines of nested objects nobody asked for) are counted as {@code other}: they arrived, so
 * they count against Shopify's objectCount, but nothing is written for them.
 */
final class ChunkRows {

  static final Set<String> MEDIA_TYPES = Set.of("MediaImage", "Video", "ExternalVideo", "Model3d");
  private static final Set<String> METAFIELD_OWNERS = Set.of("Product", "ProductVariant");

  private final ByteArrayOutputStream csv;
  private long products;
  private long variants;
  private long metafields;
  private long media;
  private long other;
  private long lines;

  private ChunkRows(int size) {
    csv = new ByteArrayOutputStream(size * 1024);
  }

  static ChunkRows of(List<Object> items) {
    ChunkRows rows = new ChunkRows(items.size());
    items.forEach(item -> rows.add((StagedLine) item));
    return rows;
  }

  byte[] csv() {
    return csv.toByteArray();
  }

  /** Parameters of {@code tally.sql}. */
  Map<String, Object> tally(UUID runId) {
    return Map.of("run_id", runId, "lines", lines, "products", products, "variants", variants,
        "metafields", metafields, "media", media, "other", other);
  }

  private void add(StagedLine line) {
    lines++;
    Gid gid = line.gid();
    Gid parent = line.parent();
    switch (kind(gid, parent)) {
      case "products" -> products++;
      case "variants" -> variants++;
      case "metafields" -> metafields++;
      case "media" -> media++;
      default -> {
        other++;
        return;
      }
    }
    ascii(Long.toString(line.number())).write(',');
    ascii(gid.type()).write(',');
    ascii(Long.toString(gid.id())).write(',');
    if (parent != null) {
      ascii(parent.type()).write(',');
      ascii(Long.toString(parent.id()));
    } else {
      csv.write(',');
    }
    csv.write(',');
    quote(line.json());
    csv.write('\n');
  }

  private static String kind(Gid gid, Gid parent) {
    return switch (gid.type()) {
      case "Product" -> "products";
      case "ProductVariant" -> "variants";
      case "Metafield" -> parent != null && METAFIELD_OWNERS.contains(parent.type()) ? "metafields" : "other";
      default -> MEDIA_TYPES.contains(gid.type()) && parent != null && "Product".equals(parent.type())
          ? "media" : "other";
    };
  }

  private ByteArrayOutputStream ascii(String value) {
    csv.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
    return csv;
  }

  /**
   * The JSON as the bytes received, quoted with quotes doubled: building a String and encoding it again was most
   * of the load step's CPU (JFR). A quote byte never occurs inside a multi-byte UTF-8 sequence, so doubling bytes
   * is safe.
   */
  private void quote(byte[] value) {
    csv.write('"');
    int from = 0;
    for (int i = 0; i < value.length; i++) {
      if (value[i] == '"') {
        csv.write(value, from, i + 1 - from); // up to and with the quote; the next run starts with it again
        from = i;
      }
    }
    csv.write(value, from, value.length - from);
    csv.write('"');
  }
}
