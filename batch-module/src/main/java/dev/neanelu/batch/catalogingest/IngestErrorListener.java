package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.PreparedStatement;

/**
 * Records every skipped line in {@code ingest_errors} with its line number (within its {@link LoadRange} until
 * {@link LineNumbers} makes it the file's), the reason, and the object it names when its id was readable
 * ({@link ReadableIds}; the reconcile keeps that object). None of the line's text is kept: it is the response body
 * of whatever the URL served.
 */
@Named
@Dependent
public class IngestErrorListener implements SkipProcessListener {

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
                  "INSERT INTO ingest_errors (shop_id, run_id, part, range_start, line_no, reason, kind, object_id,"
                      + " gid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (run_id, part, range_start, line_no) DO NOTHING")) {
            ps.setObject(1, run.shopId().value());
            ps.setObject(2, run.runId());
            ps.setInt(3, prepared.part());
            ps.setLong(4, prepared.rangeStart());
            ps.setLong(5, line.number());
            ps.setString(6, reason);
            LineKind kind = prepared.named().kind();
            Gid gid = prepared.named().gid();
            ps.setString(7, kind == null ? null : kind.tally());
            ps.setObject(8, gid == null ? null : gid.id());
            ps.setString(9, gid == null ? null : gid.text());
            ps.executeUpdate();
          }
          return null;
        });
  }
}
