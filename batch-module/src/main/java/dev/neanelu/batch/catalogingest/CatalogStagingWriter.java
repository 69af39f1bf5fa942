package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    byte[] csv = csv(items);
    tenants.run(run.shopId(), c -> copy(c, csv));
  }

  private Void copy(Connection c, byte[] csv) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(TEMP_TABLE);
    }
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY staging_load FROM STDIN (FORMAT csv, ENCODING 'UTF8')", new ByteArrayInputStream(csv));
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

  /**
   * CSV rows as UTF-8 bytes; every text value quoted with quotes doubled, an absent parent as an unquoted empty
   * field (NULL). The JSON goes in as the bytes received: building a String and encoding it again was most of the
   * load step's CPU (JFR). A quote byte never occurs inside a multi-byte UTF-8 sequence, so doubling bytes is safe.
   */
  private static byte[] csv(List<Object> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 1024);
    for (Object item : items) {
      StagedLine line = (StagedLine) item;
      ascii(out, Long.toString(line.number())).write(',');
      quote(out, utf8(line.gid())).write(',');
      quote(out, utf8(line.type())).write(',');
      if (line.parentGid() != null) {
        quote(out, utf8(line.parentGid()));
      }
      out.write(',');
      quote(out, line.json()).write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static ByteArrayOutputStream ascii(ByteArrayOutputStream out, String value) {
    out.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
    return out;
  }

  private static ByteArrayOutputStream quote(ByteArrayOutputStream out, byte[] value) {
    out.write('"');
    int from = 0;
    for (int i = 0; i < value.length; i++) {
      if (value[i] == '"') {
        out.write(value, from, i + 1 - from); // up to and with the quote; the next run starts with it again
        from = i;
      }
    }
    out.write(value, from, value.length - from);
    out.write('"');
    return out;
  }
}
