package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code sync_run_parts} of a run ({@link ExportPart}), always through the tenant context. */
@Dependent
public class ExportParts {

  private static final SqlScript SQL = SqlScript.load("parts.sql");

  @Inject TenantContext tenants;

  public List<ExportPart> list(SyncRun run) {
    return tenants.call(run.shopId(), c -> list(c, run));
  }

  /** Appends a part to the run (numbered after the last one). */
  public void add(SyncRun run, String origin, Instant after, Instant before, Long idFrom, String status, String url) {
    Map<String, Object> p = base(run);
    p.put("origin", origin);
    p.put("updated_after", timestamp(after));
    p.put("updated_before", timestamp(before));
    p.put("id_from", idFrom);
    p.put("status", status);
    p.put("url", url);
    tenants.run(run.shopId(), c -> SQL.update(c, "add", p));
  }

  /** The part's bulk operation, stored before anything waits on it. */
  public void exporting(SyncRun run, ExportPart part, String operationId) {
    Map<String, Object> p = base(run);
    p.put("part", part.part());
    p.put("operation", operationId);
    tenants.run(run.shopId(), c -> SQL.update(c, "exporting", p));
  }

  /** Ends a part (READY, PARTIAL or SPLIT) and brings the run's totals up to date. */
  public void finished(SyncRun run, ExportPart part, String status, String url, Long objects, Long roots) {
    Map<String, Object> p = base(run);
    p.put("part", part.part());
    p.put("status", status);
    p.put("url", url);
    p.put("objects", objects);
    p.put("roots", roots);
    tenants.run(
        run.shopId(),
        c -> {
          SQL.update(c, "finished", p);
          return SQL.update(c, "totals", base(run));
        });
  }

  /** Records how many lines a range of a part held, once it has been read to its end. */
  public void rangeRead(SyncRun run, LoadRange range, long lines) {
    Map<String, Object> p = base(run);
    p.put("part", range.part());
    p.put("range_start", range.start());
    p.put("lines", lines);
    tenants.run(run.shopId(), c -> SQL.update(c, "range-read", p));
  }

  /**
   * Once every range was read: turns the numbers of the bad lines and of the lines stored with a warning within
   * their ranges into numbers in their files.
   */
  public void numberErrorLines(SyncRun run) {
    tenants.run(run.shopId(), c -> SQL.update(c, "number-error-lines", base(run))
        + SQL.update(c, "number-warning-lines", base(run)));
  }

  private static Map<String, Object> base(SyncRun run) {
    Map<String, Object> p = new HashMap<>();
    p.put("run_id", run.runId());
    p.put("shop_id", run.shopId().value());
    return p;
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static List<ExportPart> list(Connection c, SyncRun run) throws SQLException {
    List<ExportPart> parts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT part, origin, updated_after, updated_before, id_from, bulk_operation_id, status, url, object_count,"
            + " root_object_count FROM sync_run_parts WHERE run_id = ? ORDER BY part")) {
      ps.setObject(1, run.runId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parts.add(new ExportPart(rs.getInt(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
              rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getObject(9, Long.class), rs.getObject(10, Long.class)));
        }
      }
    }
    return parts;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
