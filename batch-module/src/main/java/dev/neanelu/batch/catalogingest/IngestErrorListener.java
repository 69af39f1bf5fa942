package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;

/**
 * Records every skipped line in {@code ingest_errors} with its line number (within its {@link LoadRange} until
 * {@link LineNumbers} makes it the file's), the reason and a short excerpt (bytes
 * shown as decoded with replacement characters, so even invalid UTF-8 gives a readable hint).
 */
@Named
@Dependent
public class IngestErrorListener implements SkipProcessListener {

  private static final int EXCERPT_CHARS = 200;

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;

  @Override
  public void onSkipProcessItem(Object item, Exception e) {
    PreparedLine prepared = (PreparedLine) item;
    RawLine line = prepared.rejected();
    SyncRun run = ingest.run();
    String reason = e instanceof MalformedLineException m ? m.reason() : e.getClass().getSimpleName();
    tenants.run(
        run.shopId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO ingest_errors (shop_id, run_id, part, range_start, line_no, reason, excerpt)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (run_id, part, range_start, line_no) DO NOTHING")) {
            ps.setObject(1, run.shopId().value());
            ps.setObject(2, run.runId());
            ps.setInt(3, prepared.part());
            ps.setLong(4, prepared.rangeStart());
            ps.setLong(5, line.number());
            ps.setString(6, reason);
            ps.setString(7, excerpt(line));
            ps.executeUpdate();
          }
          return null;
        });
  }

  private static String excerpt(RawLine line) {
    String text = new String(line.bytes(), 0, Math.min(line.bytes().length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
    String cut = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    return cut.replace('\u0000', '\uFFFD');
  }
}
