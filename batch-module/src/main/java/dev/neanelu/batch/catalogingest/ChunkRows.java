package dev.neanelu.batch.catalogingest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One chunk's lines as the body of the {@code chunk_rows} COPY (the {@link CopyRow}s of the newest line of each
 * object: deduplicated here, because one upsert may not touch a row twice and the SQL then needs no sort), and what
 * kinds of line it held. Lines of kinds the catalog does not store ({@link LineKind#OTHER}) are counted, not
 * written.
 */
final class ChunkRows {

  /** Lines of each kind, by ordinal. */
  private final long[] kinds = new long[LineKind.values().length];
  private final Collection<StagedLine> winners;
  private long lines;
  /** Per part of the run: lines and root (product) lines. */
  private final Map<Integer, long[]> parts = new TreeMap<>();

  private ChunkRows(List<Object> items) {
    Map<Gid, StagedLine> newest = new LinkedHashMap<>(items.size() * 4 / 3 + 1);
    for (Object item : items) {
      StagedLine line = (StagedLine) item;
      if (count(line) != LineKind.OTHER) {
        StagedLine kept = newest.putIfAbsent(line.gid(), line);
        if (kept != null && line.supersedes(kept)) {
          newest.put(line.gid(), line);
        }
      }
    }
    winners = newest.values();
  }

  static ChunkRows of(List<Object> items) {
    return new ChunkRows(items);
  }

  /** Writes the COPY body: one row per object, the newest line of each. */
  void writeTo(OutputStream out) throws IOException {
    CopyRow.header(out);
    for (StagedLine line : winners) {
      out.write(line.row());
    }
    CopyRow.trailer(out);
  }

  /** How many rows {@link #writeTo} writes. */
  int size() {
    return winners.size();
  }

  /** Whether the chunk holds rows of this kind. */
  boolean has(LineKind kind) {
    return kinds[kind.ordinal()] > 0;
  }

  /** Parameters of {@code tally.sql}. */
  Map<String, Object> tally(UUID runId) {
    Map<String, Object> tally = new LinkedHashMap<>();
    tally.put("run_id", runId);
    tally.put("lines", lines);
    for (LineKind kind : LineKind.values()) {
      tally.put(kind.tally(), kinds[kind.ordinal()]);
    }
    return tally;
  }

  /** Parameters of {@code tally.sql}'s {@code part} statement, one map per part the chunk touched. */
  List<Map<String, Object>> partTallies(UUID runId) {
    List<Map<String, Object>> tallies = new ArrayList<>();
    parts.forEach((part, counts) ->
        tallies.add(Map.of("run_id", runId, "part", part, "lines", counts[0], "roots", counts[1])));
    return tallies;
  }

  /** Every line counts against Shopify's objectCount, duplicates included; returns its kind. */
  private LineKind count(StagedLine line) {
    lines++;
    long[] part = parts.computeIfAbsent(line.part(), p -> new long[2]);
    part[0]++;
    LineKind kind = line.kind();
    if (kind == LineKind.PRODUCT && line.parent() == null) {
      part[1]++;
    }
    kinds[kind.ordinal()]++;
    return kind;
  }
}
