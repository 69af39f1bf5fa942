package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantDataException;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes one chunk of lines into the catalog, inside the chunk's transaction (so the rows, the run's tallies and the
 * reader's checkpoint commit together): COPY into a session-local temporary table, then the set-based statements of
 * {@code load-chunk.sql}. PostgreSQL refuses COPY FROM into a table with row-level security, which is one reason
 * for the temporary table; the other is that COPY cannot upsert.
 *
 * <p>A kind of row the shop had none of when the load began (a first sync) is written with plain INSERTs; the first
 * unique violation (a duplicated object, a webhook that stored one meanwhile) rolls that statement back to a
 * savepoint, reruns the chunk's rows of that kind as an upsert, and upserts that kind from then on.
 *
 * <p>Each {@link LoadRange} has a writer of its own, on a connection of its own; ranges commit independently.
 */
@Named
@Dependent
public class CatalogChunkWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(CatalogChunkWriter.class.getName());
  // A name of its own (not the chunk_lines of earlier versions): the pool may hand out a session that still has
  // the old table. Rows up to a page stay inline and uncompressed: this table is read once, right away.
  private static final String CHUNK_TABLE =
      "CREATE TEMP TABLE IF NOT EXISTS chunk_rows (line_no bigint, kind text, type text, id bigint,"
          + " parent_type text, parent_id bigint, strip_parent boolean, updated_at timestamptz,"
          + " created_at timestamptz, title text, handle text, status text, vendor text, product_type text,"
          + " sku text, position integer, namespace text, key text, doc jsonb)"
          + " WITH (toast_tuple_target = 8160) ON COMMIT DELETE ROWS";
  private static final String COPY = "COPY chunk_rows FROM STDIN (FORMAT binary)";
  private static final int COPY_BUFFER = 1 << 16;
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String DEADLOCK = "40P01";
  private static final List<LineKind> STORED =
      List.of(LineKind.PRODUCT, LineKind.VARIANT, LineKind.METAFIELD, LineKind.MEDIA);
  private static final SqlScript LOAD = SqlScript.load("load-chunk.sql");
  private static final SqlScript TALLY = SqlScript.load("tally.sql");

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;

  private SyncRun run;
  /** Time spent writing chunks, and between writes (the runtime reading the next chunk, checkpoint, commit). */
  private long writingNanos;
  private long betweenNanos;
  private long lastWriteEnd;
  private int chunks;
  /** Kinds still written with plain INSERTs. */
  private final Set<LineKind> fresh = EnumSet.noneOf(LineKind.class);

  @Override
  public void open(Serializable checkpoint) {
    run = ingest.run();
    List<String> stored = tenants.call(run.shopId(),
        c -> LOAD.rows(c, "stored", Map.of("shop_id", run.shopId().value())).get(0));
    for (int i = 0; i < STORED.size(); i++) {
      if ("f".equals(stored.get(i))) {
        fresh.add(STORED.get(i));
      }
    }
    LOG.fine(() -> "Run " + run.runId() + " inserts " + fresh + " without upserting: the shop has none yet");
  }

  @Override
  public void writeItems(List<Object> items) {
    long start = System.nanoTime();
    betweenNanos += lastWriteEnd == 0 ? 0 : start - lastWriteEnd;
    ChunkRows rows = ChunkRows.of(items);
    try {
      tenants.run(run.shopId(), c -> {
        write(c, rows);
        ChunkWarnings.record(c, run.shopId().value(), run.runId(), items);
        return null;
      });
    } catch (TenantDataException e) {
      if (e.getCause() instanceof SQLException sql && DEADLOCK.equals(sql.getSQLState())) {
        throw new DeadlockedChunkException(e);
      }
      throw e;
    }
    lastWriteEnd = System.nanoTime();
    writingNanos += lastWriteEnd - start;
    chunks++;
  }

  @Override
  public void close() {
    LOG.info(() -> String.format("Run %s: %d chunks, %.1f s writing them, %.1f s between writes", run.runId(), chunks,
        writingNanos / 1e9, betweenNanos / 1e9));
  }

  private Void write(Connection c, ChunkRows rows) throws SQLException {
    // The chunk's rows and the reader's checkpoint commit in this one transaction (the batch repository is in the
    // same database), so a commit lost in a database crash loses both together and the restart reads those lines
    // again: nothing to gain from waiting for each commit's WAL flush.
    execute(c, "SET LOCAL synchronous_commit = off; " + CHUNK_TABLE);
    try (PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), COPY, COPY_BUFFER)) {
      rows.writeTo(copy);
    } catch (IOException e) {
      throw new SQLException("COPY of the chunk failed", e);
    }
    Map<String, Object> parameters = Map.of("shop_id", run.shopId().value(), "run_id", run.runId());
    for (LineKind kind : STORED) {
      if (rows.has(kind) && !(fresh.contains(kind) && inserted(c, kind, parameters))) {
        LOAD.update(c, "upsert-" + kind.tally(), parameters);
      }
    }
    TALLY.update(c, "add", rows.tally(run.runId()));
    for (Map<String, Object> part : rows.partTallies(run.runId())) {
      TALLY.update(c, "part", part);
    }
    return null;
  }

  /** Plain INSERT of the chunk's rows of a fresh kind; false (rolled back, kind no longer fresh) on a conflict. */
  private boolean inserted(Connection c, LineKind kind, Map<String, Object> parameters) throws SQLException {
    execute(c, "SAVEPOINT fresh_rows");
    try {
      LOAD.update(c, "insert-" + kind.tally(), parameters);
      execute(c, "RELEASE SAVEPOINT fresh_rows");
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      execute(c, "ROLLBACK TO SAVEPOINT fresh_rows");
      fresh.remove(kind);
      LOG.info(() -> "Run " + run.runId() + ": " + kind.tally() + " already stored for some rows; upserting "
          + kind.tally() + " from now on");
      return false;
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
