package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Writes a chunk of lines to {@code catalog_staging} with PostgreSQL COPY, inside the chunk's transaction (so the
 * rows and the reader's checkpoint commit together). PostgreSQL refuses COPY FROM into a table with row-level
 * security, so the chunk is copied into a session-local temporary table first and moved with one INSERT ... SELECT,
 * which the tenant policy checks.
 */
@Named
@Dependent
public class CatalogStagingWriter extends AbstractItemWriter {

  private static final String TEMP_TABLE =
      "CREATE TEMP TABLE IF NOT EXISTS staging_load"
          + " (line_no bigint, gid text, type text, parent_gid text, doc text) ON COMMIT DELETE ROWS";
  private static final String MOVE =
      "INSERT INTO catalog_staging (shop_id, run_id, line_no, gid, type, parent_gid, doc)"
          + " SELECT ?, ?, line_no, gid, type, parent_gid, doc::jsonb FROM staging_load"
          + " ON CONFLICT (run_id, line_no) DO NOTHING";

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;

  private SyncRun run;

  @Override
  public void open(java.io.Serializable checkpoint) {
    run = ingest.run();
  }

  @Override
  public void writeItems(List<Object> items) {
    String csv = csv(items);
    tenants.run(run.shopId(), c -> copy(c, csv));
  }

  private Void copy(Connection c, String csv) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(TEMP_TABLE);
    }
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY staging_load FROM STDIN (FORMAT csv)", new StringReader(csv));
    } catch (IOException e) {
      throw new SQLException("COPY into staging failed", e);
    }
    try (PreparedStatement ps = c.prepareStatement(MOVE)) {
      ps.setObject(1, run.shopId().value());
      ps.setObject(2, run.runId());
      ps.executeUpdate();
    }
    return null;
  }

  /** CSV rows; every text value quoted with quotes doubled, an absent parent as an unquoted empty field (NULL). */
  private static String csv(List<Object> items) {
    StringBuilder out = new StringBuilder(items.size() * 512);
    for (Object item : items) {
      StagedLine line = (StagedLine) item;
      out.append(line.number()).append(',');
      quote(out, line.gid()).append(',');
      quote(out, line.type()).append(',');
      if (line.parentGid() != null) {
        quote(out, line.parentGid());
      }
      out.append(',');
      quote(out, line.json()).append('\n');
    }
    return out.toString();
  }

  private static StringBuilder quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        out.append('"');
      }
      out.append(ch);
    }
    return out.append('"');
  }
}
