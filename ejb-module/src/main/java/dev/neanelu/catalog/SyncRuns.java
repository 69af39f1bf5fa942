package dev.neanelu.catalog;

import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code sync_runs} table, always through the tenant context. */
@ApplicationScoped
public class SyncRuns {

  private static final String COLUMNS =
      "run_id, shop_id, job_instance_id, mode, source_url, bulk_operation_id, bulk_status, object_count,"
          + " root_object_count, updated_since, status, outcome, lines_loaded, counts::text, started_at, finished_at,"
          + " verification::text";

  @Inject TenantContext tenants;

  /** The run of a job instance, created on the job's first execution and found again on restarts. */
  public SyncRun startOrResume(TenantId shop, long jobInstanceId, String mode, String sourceUrl) {
    return tenants.call(
        shop,
        c -> {
          Optional<SyncRun> existing = byJobInstance(c, jobInstanceId);
          if (existing.isPresent()) {
            update(c, "UPDATE sync_runs SET status = 'RUNNING', finished_at = NULL WHERE job_instance_id = ?",
                jobInstanceId);
            return byJobInstance(c, jobInstanceId).orElseThrow();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sync_runs (run_id, shop_id, job_instance_id, mode, source_url, updated_since)"
                      + " VALUES (?, ?, ?, ?, ?, (SELECT max(started_at) FROM sync_runs"
                      + " WHERE shop_id = ? AND status = 'SUCCEEDED'))")) {
            ps.setObject(1, TenantId.newId().value());
            ps.setObject(2, shop.value());
            ps.setLong(3, jobInstanceId);
            ps.setString(4, mode);
            ps.setString(5, sourceUrl);
            ps.setObject(6, shop.value());
            ps.executeUpdate();
          }
          return byJobInstance(c, jobInstanceId).orElseThrow();
        });
  }

  public SyncRun get(TenantId shop, long jobInstanceId) {
    return tenants.call(shop, c -> byJobInstance(c, jobInstanceId))
        .orElseThrow(() -> new IllegalStateException("No sync run for job instance " + jobInstanceId));
  }

  /** The newest run of a shop, finished or not. */
  public Optional<SyncRun> latest(TenantId shop) {
    return tenants.call(shop, c -> one(c, "SELECT " + COLUMNS + " FROM sync_runs ORDER BY started_at DESC LIMIT 1"));
  }

  public void recordBulkOperation(TenantId shop, UUID runId, String operationId) {
    tenants.run(shop, c -> update(c, "UPDATE sync_runs SET bulk_operation_id = ?, bulk_status = 'CREATED'"
        + " WHERE run_id = ?", operationId, runId));
  }

  /** The status the run's latest bulk operation ended with (its counts and URL are summed over the run's parts). */
  public void recordBulkStatus(TenantId shop, UUID runId, String status) {
    tenants.run(shop, c -> update(c, "UPDATE sync_runs SET bulk_status = ? WHERE run_id = ?", status, runId));
  }

  /** The verify step's report (see VerifySampleBatchlet), shown with the run. */
  public void recordVerification(TenantId shop, UUID runId, String reportJson) {
    tenants.run(shop, c -> update(c, "UPDATE sync_runs SET verification = ?::jsonb WHERE run_id = ?", reportJson,
        runId));
  }

  /** Ends the run: FAILED, or SUCCEEDED (SUCCEEDED_WITH_ERRORS when it recorded lines it could not store). */
  public void finish(TenantId shop, UUID runId, boolean succeeded, String outcome, String countsJson) {
    tenants.run(shop, c -> update(c, "UPDATE sync_runs SET status ="
        + " CASE WHEN CAST(? AS text) = 'FAILED' THEN 'FAILED'"
        + " WHEN EXISTS (SELECT 1 FROM ingest_errors e WHERE e.run_id = sync_runs.run_id)"
        + " THEN 'SUCCEEDED_WITH_ERRORS' ELSE 'SUCCEEDED' END, outcome = ?,"
        + " counts = coalesce(?::jsonb, counts), finished_at = now() WHERE run_id = ?",
        succeeded ? "SUCCEEDED" : "FAILED", outcome, countsJson, runId));
  }

  private static Optional<SyncRun> byJobInstance(Connection c, long jobInstanceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM sync_runs WHERE job_instance_id = ?")) {
      ps.setLong(1, jobInstanceId);
      return read(ps);
    }
  }

  private static Optional<SyncRun> one(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return read(ps);
    }
  }

  private static Optional<SyncRun> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(toRun(rs)) : Optional.empty();
    }
  }

  private static Integer update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static SyncRun toRun(ResultSet rs) throws SQLException {
    return new SyncRun(
        rs.getObject(1, UUID.class),
        new TenantId(rs.getObject(2, UUID.class)),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getObject(8, Long.class),
        rs.getObject(9, Long.class),
        instant(rs.getTimestamp(10)),
        rs.getString(11),
        rs.getString(12),
        rs.getLong(13),
        rs.getString(14),
        instant(rs.getTimestamp(15)),
        instant(rs.getTimestamp(16)),
        rs.getString(17));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
