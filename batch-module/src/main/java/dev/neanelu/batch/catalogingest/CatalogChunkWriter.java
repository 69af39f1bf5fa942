package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Writes one chunk of lines into the catalog, inside the chunk's transaction (so the rows, the run's tallies and the
 * reader's checkpoint commit together): COPY into a session-local temporary table, then the set-based upserts of
 * {@code load-chunk.sql}. PostgreSQL refuses COPY FROM into a table with row-level security, which is one reason
 * for the temporary table; the other is that COPY cannot upsert.
 *
 * <p>Nothing is staged for the whole run: each line is written once and read once more (from a 2,000-row table in
 * local buffers), where a run-wide staging table was written, then scanned by every later step.
 */
@Named
@Dependent
public class CatalogChunkWriter extends AbstractItemWriter {

  private static final String CHUNK_TABLE =
      "CREATE TEMP TABLE IF NOT EXISTS chunk_lines (line_no bigint, type text, id bigint, parent_type text,"
          + " parent_id bigint, doc jsonb) ON COMMIT DELETE ROWS";
  private static final String COPY = "COPY chunk_lines FROM STDIN (FORMAT csv, ENCODING 'UTF8')";
  private static final SqlScript LOAD = SqlScript.load("load-chunk.sql");
  private static final SqlScript TALLY = SqlScript.load("tally.sql");

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;

  private SyncRun run;

  @Override
  public void open(java.io.Serializable checkpoint) {
    run = ingest.run();
  }

  @Override
  public void writeItems(List<Object> items) {
    ChunkRows rows = ChunkRows.of(items);
    tenants.run(run.shopId(), c -> write(c, rows));
  }

  private Void write(Connection c, ChunkRows rows) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(CHUNK_TABLE);
    }
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(rows.csv(), 0, rows.length()));
    } catch (IOException e) {
      throw new SQLException("COPY of the chunk failed", e);
    }
    Map<String, Object> parameters = Map.of("shop_id", run.shopId().value(), "run_id", run.runId());
    LOAD.run(c, parameters);
    TALLY.update(c, "add", rows.tally(run.runId()));
    for (Map<String, Object> part : rows.partTallies(run.runId())) {
      TALLY.update(c, "part", part);
    }
    return null;
  }
}
