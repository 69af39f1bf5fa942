package dev.neanelu.batch.catalogingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One chunk's lines as the body of the {@code chunk_lines} COPY (the {@link CsvRow}s of the newest line of each
 * object, concatenated: deduplicated here so the SQL needs no sort), and what
 * kinds of line it held. Types the catalog does not store (lines of nested objects nobody asked for) are counted as
 * {@code other}: they arrived, so they count against Shopify's objectCount, but nothing is written for them.
 */
final class ChunkRows {

  static final Set<String> MEDIA_TYPES = Set.of("MediaImage", "Video", "ExternalVideo", "Model3d");
  private static final Set<String> METAFIELD_OWNERS = Set.of("Product", "ProductVariant");

  private byte[] csv;
  private int length;
  private long products;
  private long variants;
  private long metafields;
  private long media;
  private long other;
  private long lines;
  /** Per part of the run: lines and root (product) lines. */
  private final Map<Integer, long[]> parts = new TreeMap<>();

  private ChunkRows(int capacity) {
    csv = new byte[capacity];
  }

  static ChunkRows of(List<Object> items) {
    Map<Gid, StagedLine> newest = new LinkedHashMap<>();
    for (Object item : items) {
      StagedLine line = (StagedLine) item;
      newest.merge(line.gid(), line, (kept, next) -> next.supersedes(kept) ? next : kept);
    }
    int size = 0;
    for (StagedLine line : newest.values()) {
      size += line.csv().length;
    }
    ChunkRows rows = new ChunkRows(size);
    items.forEach(item -> rows.count((StagedLine) item));
    newest.values().forEach(rows::add);
    return rows;
  }

  byte[] csv() {
    return csv;
  }

  int length() {
    return length;
  }

  /** Parameters of {@code tally.sql}. */
  Map<String, Object> tally(UUID runId) {
    return Map.of("run_id", runId, "lines", lines, "products", products, "variants", variants,
        "metafields", metafields, "media", media, "other", other);
  }

  /** Parameters of {@code tally.sql}'s {@code part} statement, one map per part the chunk touched. */
  List<Map<String, Object>> partTallies(UUID runId) {
    List<Map<String, Object>> tallies = new ArrayList<>();
    parts.forEach((part, counts) ->
        tallies.add(Map.of("run_id", runId, "part", part, "lines", counts[0], "roots", counts[1])));
    return tallies;
  }

  /** Every line counts against Shopify's objectCount, duplicates included. */
  private void count(StagedLine line) {
    lines++;
    long[] part = parts.computeIfAbsent(line.part(), p -> new long[2]);
    part[0]++;
    if (line.parent() == null && "Product".equals(line.gid().type())) {
      part[1]++;
    }
    switch (kind(line.gid(), line.parent())) {
      case "products" -> products++;
      case "variants" -> variants++;
      case "metafields" -> metafields++;
      case "media" -> media++;
      default -> other++;
    }
  }

  /** Only the newest line of each object in the chunk is written: one upsert may not touch a row twice. */
  private void add(StagedLine line) {
    if ("other".equals(kind(line.gid(), line.parent()))) {
      return;
    }
    System.arraycopy(line.csv(), 0, csv, length, line.csv().length);
    length += line.csv().length;
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
}
