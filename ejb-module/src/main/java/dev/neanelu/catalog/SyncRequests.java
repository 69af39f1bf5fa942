package dev.neanelu.catalog;

import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Syncs asked for by operators: queued through fair dispatch as {@code catalog-sync} work items, so a shop's cap
 * covers them like install syncs, and refused while a sync of the shop is alive or queued. A request is followed by
 * its work item id.
 */
@ApplicationScoped
public class SyncRequests {

  private static final int QUEUE_LOCK_CLASS = 1853189230;

  /** A requested sync as it stands: its work item, and once its job started, the job's ids and the run's status. */
  public record Requested(
      long workItemId,
      String state,
      int attempts,
      int maxAttempts,
      String lastError,
      Long jobInstanceId,
      Long jobExecutionId,
      String runStatus) {}

  @Inject TenantContext tenants;
  @Inject FairDispatch dispatch;
  @Inject SyncClaims claims;

  /**
   * Queues a sync of {@code shop}; returns the work item's id. Serialised per shop with the check, so of two requests
   * at once one is queued and the other refused.
   */
  public long queue(Shop shop, String mode, String jsonlUrl) throws SyncAlreadyRunningException {
    String payload = CatalogSyncWork.payload(shop.domain(), mode, jsonlUrl);
    Object queued = tenants.call(shop.id(), c -> {
      lockQueue(c, shop.id());
      Optional<SyncClaims.Holder> running = claims.liveHolder(shop.id());
      if (running.isPresent() && runs(c, running.get().jobInstanceId())) {
        return "A catalog sync of " + shop.domain() + " is already running: job instance "
            + running.get().jobInstanceId() + ", execution " + running.get().jobExecutionId();
      }
      Optional<Long> waiting = pending(c);
      if (waiting.isPresent()) {
        return "A catalog sync of " + shop.domain() + " is already queued or running: work item " + waiting.get()
            + " (GET /api/ops/shops/" + shop.domain() + "/syncs/" + waiting.get() + ")";
      }
      return dispatch.enqueueWithin(c, shop.id(), CatalogSyncWork.KIND, payload);
    });
    if (queued instanceof String refusal) {
      throw new SyncAlreadyRunningException(refusal);
    }
    dispatch.wake(shop.id());
    return (Long) queued;
  }

  /** The sync of work item {@code workItemId}, if it is a sync of {@code shop}. */
  public Optional<Requested> find(TenantId shop, long workItemId) {
    return tenants.call(shop, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT w.state, w.attempts, w.max_attempts, w.last_error, r.job_instance_id, r.job_execution_id, r.status"
              + " FROM work_items w LEFT JOIN sync_runs r ON r.work_item_id = w.id"
              + " WHERE w.id = ? AND w.kind = ? ORDER BY r.started_at DESC NULLS LAST LIMIT 1")) {
        ps.setLong(1, workItemId);
        ps.setString(2, CatalogSyncWork.KIND);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new Requested(workItemId, rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
              rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7)));
        }
      }
    });
  }

  /** Records on the run of {@code jobInstanceId} why it was given up (it stays FAILED). */
  public void giveUp(TenantId shop, long jobInstanceId, String reason) {
    tenants.run(shop, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE sync_runs SET status = 'FAILED', finished_at = coalesce(finished_at, now()), outcome = ?"
              + " WHERE job_instance_id = ?")) {
        ps.setString(1, reason);
        ps.setLong(2, jobInstanceId);
        return ps.executeUpdate();
      }
    });
  }

  private static void lockQueue(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      ps.setInt(1, QUEUE_LOCK_CLASS);
      ps.setString(2, shop.value().toString());
      ps.execute();
    }
  }

  /** Whether the run of a claim holder is still running (a finished one releases its claim in a moment). */
  private static boolean runs(Connection c, long jobInstanceId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM sync_runs WHERE job_instance_id = ? AND status <> 'RUNNING'")) {
      ps.setLong(1, jobInstanceId);
      try (ResultSet rs = ps.executeQuery()) {
        return !rs.next();
      }
    }
  }

  // A running item whose run has finished is only settling (the handler notices within seconds).
  private static Optional<Long> pending(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT min(w.id) FROM work_items w WHERE w.kind = ? AND (w.state = 'ready' OR w.state = 'running'"
            + " AND NOT EXISTS (SELECT 1 FROM sync_runs r WHERE r.work_item_id = w.id AND r.status <> 'RUNNING'))")) {
      ps.setString(1, CatalogSyncWork.KIND);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Optional.ofNullable(rs.getObject(1, Long.class));
      }
    }
  }
}
