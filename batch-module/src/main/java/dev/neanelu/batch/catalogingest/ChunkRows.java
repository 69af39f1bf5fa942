package dev.neanelu.batch.catalogingest;

import java.util.ArrayList;
import java.util.Collection;
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

  private static final Set<String> MEDIA_TYPES = Set.of("MediaImage", "Video", "ExternalVideo", "Model3d");
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

  private ChunkRows() {}

  static ChunkRows of(List<Object> items) {
    ChunkRows rows = new ChunkRows();
    Map<Gid, StagedLine> newest = new LinkedHashMap<>();
    for (Object item : items) {
      StagedLine line = (StagedLine) item;
      if (rows.count(line)) {
        newest.merge(line.gid(), line, (kept, next) -> next.supersedes(kept) ? next : kept);
      }
    }
    rows.write(newest.values());
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

  /**
   * Every line counts against Shopify's objectCount, duplicates included; whether the catalog stores its kind.
   */
  private boolean count(StagedLine line) {
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
      default -> {
        other++;
        return false;
      }
    }
    return true;
  }

  /** The rows of the newest line of each object: one upsert may not touch a row twice. */
  private void write(Collection<StagedLine> winners) {
    int size = 0;
    for (StagedLine line : winners) {
      size += line.csv().length;
    }
    csv = new byte[size];
    for (StagedLine line : winners) {
      System.arraycopy(line.csv(), 0, csv, length, line.csv().length);
      length += line.csv().length;
    }
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
