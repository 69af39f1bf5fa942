package dev.neanelu.batch.catalogingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Records the {@link LineWarning}s of a chunk's lines in {@code ingest_warnings}, in the chunk's transaction: they
 * commit with the rows they describe, and a chunk read again after a restart records them again without doubles.
 */
final class ChunkWarnings {

  private static final String INSERT =
      "INSERT INTO ingest_warnings (shop_id, run_id, part, range_start, line_no, gid, fields, reason)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, part, range_start, line_no) DO NOTHING";

  private ChunkWarnings() {}

  /** Inserts the warnings of {@code items} (the chunk's {@link StagedLine}s); most chunks have none. */
  static void record(Connection c, UUID shopId, UUID runId, List<Object> items) throws SQLException {
    PreparedStatement ps = null;
    try {
      for (Object item : items) {
        StagedLine line = (StagedLine) item;
        LineWarning warning = line.warning();
        if (warning == null) {
          continue;
        }
        ps = ps == null ? c.prepareStatement(INSERT) : ps;
        ps.setObject(1, shopId);
        ps.setObject(2, runId);
        ps.setInt(3, warning.part());
        ps.setLong(4, warning.rangeStart());
        ps.setLong(5, line.number());
        ps.setString(6, line.gid().text());
        ps.setArray(7, c.createArrayOf("text", warning.fields().toArray()));
        ps.setString(8, LineWarning.NUL_REPLACED);
        ps.addBatch();
      }
      if (ps != null) {
        ps.executeBatch();
      }
    } finally {
      if (ps != null) {
        ps.close();
      }
    }
  }
}
