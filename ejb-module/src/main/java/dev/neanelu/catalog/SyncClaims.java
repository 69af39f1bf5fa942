package dev.neanelu.catalog;

import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The per-shop claim that makes a catalog sync the only one of its shop, cluster-wide, for the whole life of its job
 * execution.
 *
 * <p>A claim is the session-level advisory lock {@code (1853189228, hashtext(<shop id>))}, taken with {@code
 * pg_try_advisory_lock} on a connection of {@code jdbc/claims} that the execution keeps open until it ends, plus the
 * shop's {@code sync_claims} row naming the holder (job instance, execution, the session's pid). PostgreSQL ends the
 * session, and so the lock, when the JVM dies; {@code pg_locks} shows every other session whether the holder is
 * alive. A row whose lock is gone is a dead claim: its execution died with its JVM (see {@link SyncResumer}).
 *
 * <p>Two shops whose keys collide share a lock: their syncs then take turns, which is safe.
 */
@ApplicationScoped
public class SyncClaims {

  static final int LOCK_CLASS = 1853189228;
  static final int RESUME_LOCK_CLASS = 1853189229;

  private static final Logger LOG = Logger.getLogger(SyncClaims.class.getName());
  private static final String LIVE =
      "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.pid = c.backend_pid"
          + " AND l.classid::bigint = " + Integer.toUnsignedLong(LOCK_CLASS) + " AND l.objsubid = 2"
          + " AND l.objid::bigint = (hashtext(c.shop_id::text)::bigint & 4294967295))";

  /** The execution that holds (or, for a dead claim, held) a shop's claim. */
  public record Holder(TenantId shop, long jobInstanceId, long jobExecutionId, int resumeAttempts) {}

  @Resource(lookup = "jdbc/claims")
  private DataSource claimsDatabase;

  @Inject TenantContext tenants;

  private record Session(TenantId shop, Connection connection) {}

  private final Map<Long, Session> held = new ConcurrentHashMap<>();

  /**
   * Claims {@code shop} for an execution of {@code jobInstanceId}: empty when this execution now holds the claim
   * (runs of the shop left RUNNING by dead executions are closed as FAILED), else the live holder.
   */
  public Optional<Holder> claim(TenantId shop, long jobInstanceId, long jobExecutionId) {
    Connection session = null;
    try {
      session = claimsDatabase.getConnection();
      Integer pid = tryLock(session, LOCK_CLASS, shop);
      if (pid == null) {
        session.close();
        return Optional.of(awaitHolder(shop));
      }
      int backendPid = pid;
      tenants.run(shop, c -> record(c, shop, jobInstanceId, jobExecutionId, backendPid));
      held.put(jobExecutionId, new Session(shop, session));
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      closeQuietly(session);
      throw new IllegalStateException("Could not claim shop " + shop + " for a catalog sync: " + e.getMessage(), e);
    }
  }

  /** Ends the claim of an execution of this JVM (if it holds one): deletes the row, then unlocks. */
  public void release(long jobExecutionId) {
    Session claim = held.remove(jobExecutionId);
    if (claim == null) {
      return;
    }
    TenantId shop = claim.shop();
    Connection session = claim.connection();
    try {
      tenants.run(shop, c -> update(c, "DELETE FROM sync_claims WHERE job_execution_id = ?", jobExecutionId));
      unlock(session, LOCK_CLASS, shop);
      session.close();
    } catch (SQLException | RuntimeException e) {
      LOG.warning(() -> "Releasing the sync claim of " + shop + " failed (" + e.getMessage()
          + "); the connection is discarded, which releases it");
      abort(session);
    }
  }

  /** Records on the run the execution it is on now and the work item that started it (null: none). */
  public void attach(TenantId shop, long jobInstanceId, long jobExecutionId, Long workItemId) {
    tenants.run(shop, c -> update(c, "UPDATE sync_runs SET job_execution_id = ?,"
        + " work_item_id = coalesce(?, work_item_id) WHERE job_instance_id = ?", jobExecutionId, workItemId,
        jobInstanceId));
  }

  /** Whether this JVM's execution holds a claim. */
  public boolean holds(long jobExecutionId) {
    return held.containsKey(jobExecutionId);
  }

  /** The execution holding {@code shop}'s claim while it is alive. */
  public Optional<Holder> liveHolder(TenantId shop) {
    return tenants.call(shop, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT shop_id, job_instance_id, job_execution_id, resume_attempts FROM sync_claims c WHERE " + LIVE)) {
        List<Holder> found = holders(ps);
        return found.stream().findFirst();
      }
    });
  }

  /** Claims of every shop whose holder died with its JVM. */
  public List<Holder> dead() {
    try (Connection c = claimsDatabase.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement on = c.prepareStatement("SELECT set_config('app.sync_resumer', 'on', true)");
          PreparedStatement ps = c.prepareStatement(
              "SELECT shop_id, job_instance_id, job_execution_id, resume_attempts FROM sync_claims c WHERE NOT "
                  + LIVE)) {
        on.execute();
        List<Holder> found = holders(ps);
        c.commit();
        return found;
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the sync claims: " + e.getMessage(), e);
    }
  }

  /** Counts an automatic restart of a dead claim's job instance; returns the count so far. */
  public int countResume(Holder dead) {
    return tenants.call(dead.shop(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE sync_claims SET resume_attempts = resume_attempts + 1 WHERE job_execution_id = ?"
              + " RETURNING resume_attempts")) {
        ps.setLong(1, dead.jobExecutionId());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getInt(1) : dead.resumeAttempts();
        }
      }
    });
  }

  /** Drops a dead claim whose run was given up. */
  public void drop(Holder dead) {
    tenants.run(dead.shop(), c -> update(c, "DELETE FROM sync_claims WHERE job_execution_id = ?",
        dead.jobExecutionId()));
  }

  /**
   * Runs {@code work} while this session alone, cluster-wide, resumes {@code shop}'s dead claim; false, without
   * running it, when another session is doing so.
   */
  public boolean whileResuming(TenantId shop, Runnable work) {
    try (Connection session = claimsDatabase.getConnection()) {
      if (tryLock(session, RESUME_LOCK_CLASS, shop) == null) {
        return false;
      }
      try {
        work.run();
        return true;
      } finally {
        unlock(session, RESUME_LOCK_CLASS, shop);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not lock the resume of " + shop + ": " + e.getMessage(), e);
    }
  }

  private Holder awaitHolder(TenantId shop) throws SQLException {
    // The holder records itself right after it locks; give it a moment.
    for (int i = 0; i < 50; i++) {
      Optional<Holder> holder = liveHolder(shop);
      if (holder.isPresent()) {
        return holder.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Holder(shop, -1, -1, 0);
  }

  private static Integer tryLock(Connection session, int lockClass, TenantId shop) throws SQLException {
    try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?)), pg_backend_pid()")) {
      ps.setInt(1, lockClass);
      ps.setString(2, shop.value().toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1) ? rs.getInt(2) : null;
      }
    }
  }

  private static void unlock(Connection session, int lockClass, TenantId shop) throws SQLException {
    try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
      ps.setInt(1, lockClass);
      ps.setString(2, shop.value().toString());
      ps.execute();
    }
  }

  private static Void record(Connection c, TenantId shop, long instance, long execution, int pid)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO sync_claims (shop_id, job_instance_id, job_execution_id, backend_pid) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (shop_id) DO UPDATE SET job_execution_id = EXCLUDED.job_execution_id,"
            + " backend_pid = EXCLUDED.backend_pid, claimed_at = now(),"
            + " resume_attempts = CASE WHEN sync_claims.job_instance_id = EXCLUDED.job_instance_id"
            + " THEN sync_claims.resume_attempts ELSE 0 END, job_instance_id = EXCLUDED.job_instance_id")) {
      ps.setObject(1, shop.value());
      ps.setLong(2, instance);
      ps.setLong(3, execution);
      ps.setInt(4, pid);
      ps.executeUpdate();
    }
    update(c, "UPDATE sync_runs SET status = 'FAILED', finished_at = now(),"
        + " outcome = 'Interrupted: its JVM stopped; superseded by job instance ' || ?"
        + " WHERE status = 'RUNNING' AND job_instance_id <> ?", String.valueOf(instance), instance);
    update(c, "UPDATE sync_runs SET job_execution_id = ? WHERE job_instance_id = ?", execution, instance);
    return null;
  }

  private static List<Holder> holders(PreparedStatement ps) throws SQLException {
    List<Holder> found = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(new Holder(new TenantId(rs.getObject(1, java.util.UUID.class)), rs.getLong(2), rs.getLong(3),
            rs.getInt(4)));
      }
    }
    return found;
  }

  private static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // nothing was locked on it, or the failure that brought us here is the one to report
      }
    }
  }

  private static void abort(Connection c) {
    try {
      c.abort(Runnable::run);
    } catch (SQLException e) {
      closeQuietly(c);
    }
  }
}
