package dev.neanelu.fairness.internal;

import dev.neanelu.fairness.CapPolicy;
import dev.neanelu.fairness.Claim;
import dev.neanelu.fairness.DeadLetter;
import dev.neanelu.fairness.WorkItem;
import dev.neanelu.fairness.WorkQueue;
import dev.neanelu.tenant.ShopPlan;
import dev.neanelu.tenant.TenantId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The application's {@link WorkQueue}: tables {@code work_shops} and {@code work_items} (migration V5), one named
 * queue per instance.
 *
 * <p>A claim runs in one transaction: it locks the shop's {@code work_shops} row ({@code FOR NO KEY UPDATE}, which
 * serialises claims for that shop across JVMs but not enqueues, whose foreign-key checks only take {@code KEY
 * SHARE}), counts the shop's items under unexpired leases against its cap, and leases the oldest ready item with
 * {@code FOR UPDATE SKIP LOCKED}. Because the count is taken after the lock, two dispatchers cannot both see a free
 * slot. Each transaction first declares itself the dispatcher ({@code app.work_dispatcher}), which row-level security
 * requires to see all shops' work.
 *
 * <p>Needs a non-JTA data source (it commits itself): {@code jdbc/work} in the application, or any plain one.
 */
public final class PostgresWorkQueue implements WorkQueue {

  private static final String AS_DISPATCHER = "SELECT set_config('app.work_dispatcher', 'on', true)";
  private static final String ADD_SHOP = "INSERT INTO work_shops (shop_id) VALUES (?) ON CONFLICT DO NOTHING";
  private static final String ADD_ITEM =
      "INSERT INTO work_items (queue, shop_id, kind, payload, max_attempts) VALUES (?, ?, ?, ?, ?) RETURNING id";
  private static final String READY_SHOPS =
      "SELECT ws.shop_id FROM work_shops ws WHERE EXISTS (SELECT 1 FROM work_items w"
          + " WHERE w.queue = ? AND w.shop_id = ws.shop_id AND w.state = 'ready' AND w.run_after <= now())";
  private static final String LOCK_SHOP =
      "SELECT ws.max_concurrency, s.plan FROM work_shops ws JOIN shops s ON s.id = ws.shop_id"
          + " WHERE ws.shop_id = ? FOR NO KEY UPDATE OF ws";
  private static final String HELD =
      "SELECT count(*) FROM work_items WHERE shop_id = ? AND state = 'running' AND lease_expires_at > now()";
  private static final String LEASE_OLDEST =
      "UPDATE work_items SET state = 'running', attempts = attempts + 1, lease_owner = ?,"
          + " lease_expires_at = now() + ? * interval '1 millisecond', started_at = now()"
          + " WHERE id = (SELECT id FROM work_items WHERE queue = ? AND shop_id = ? AND state = 'ready'"
          + " AND run_after <= now() ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
          + " RETURNING id, kind, payload, attempts, max_attempts";
  private static final String RENEW =
      "UPDATE work_items SET lease_expires_at = now() + ? * interval '1 millisecond'"
          + " WHERE id = ANY (?) AND lease_owner = ? AND state = 'running' RETURNING id";
  private static final String FENCE = " WHERE id = ? AND lease_owner = ? AND attempts = ? AND state = 'running'";
  private static final String COMPLETE =
      "UPDATE work_items SET state = 'done', finished_at = now(), completed_by = lease_owner, last_error = NULL,"
          + " lease_owner = NULL, lease_expires_at = NULL"
          + FENCE;
  private static final String RETRY =
      "UPDATE work_items SET state = 'ready', run_after = ?, last_error = ?, lease_owner = NULL,"
          + " lease_expires_at = NULL"
          + FENCE;
  private static final String BURY =
      "UPDATE work_items SET state = 'dead', finished_at = now(), last_error = ?, lease_owner = NULL,"
          + " lease_expires_at = NULL"
          + FENCE;
  private static final String REAP =
      "UPDATE work_items SET state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'ready' END,"
          + " finished_at = CASE WHEN attempts >= max_attempts THEN now() END, run_after = now(),"
          + " last_error = 'Lease of ' || lease_owner || ' expired during attempt ' || attempts,"
          + " lease_owner = NULL, lease_expires_at = NULL"
          + " WHERE state = 'running' AND lease_expires_at <= now()";
  private static final String SET_CAP = "UPDATE work_shops SET max_concurrency = ? WHERE shop_id = ?";
  private static final String DEAD_LETTERS =
      "SELECT w.id, w.queue, w.shop_id, s.shop_domain, w.kind, w.payload, w.attempts, w.last_error, w.enqueued_at,"
          + " w.finished_at FROM work_items w JOIN shops s ON s.id = w.shop_id"
          + " WHERE w.state = 'dead' AND (?::uuid IS NULL OR w.shop_id = ?::uuid)"
          + " ORDER BY w.finished_at DESC, w.id DESC"
          + " LIMIT ?";

  private final DataSource dataSource;
  private final String queue;

  /**
   * @param dataSource a non-JTA data source of the application role
   * @param queue the queue's name; dispatchers of other queues never see its items
   */
  public PostgresWorkQueue(DataSource dataSource, String queue) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  @Override
  public long enqueue(TenantId tenant, String kind, String payload, int maxAttempts) {
    return inTransaction(c -> enqueueOn(c, queue, tenant, kind, payload, maxAttempts));
  }

  /**
   * Adds an item on the caller's connection, inside the caller's transaction, so that the item exists exactly when
   * the caller's own rows commit (a transactional outbox). The connection may be a tenant's: row-level security
   * admits rows of that tenant.
   */
  public static long enqueueOn(
      Connection c, String queue, TenantId tenant, String kind, String payload, int maxAttempts)
      throws SQLException {
    addShop(c, tenant);
    try (PreparedStatement item = c.prepareStatement(ADD_ITEM)) {
      item.setString(1, queue);
      item.setObject(2, tenant.value());
      item.setString(3, kind);
      item.setString(4, payload);
      item.setInt(5, maxAttempts);
      try (ResultSet rs = item.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Adds an item like {@link #enqueueOn}, unless the tenant already has a ready item of {@code kind} in the queue
   * (work that, when it runs, covers whatever this item would). Returns whether it added one.
   */
  public static boolean enqueueUnlessReadyOn(
      Connection c, String queue, TenantId tenant, String kind, String payload, int maxAttempts)
      throws SQLException {
    addShop(c, tenant);
    try (PreparedStatement item =
            c.prepareStatement(
                "INSERT INTO work_items (queue, shop_id, kind, payload, max_attempts) SELECT ?, ?, ?, ?, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM work_items WHERE queue = ? AND shop_id = ? AND kind = ?"
                    + " AND state = 'ready')")) {
      item.setString(1, queue);
      item.setObject(2, tenant.value());
      item.setString(3, kind);
      item.setString(4, payload);
      item.setInt(5, maxAttempts);
      item.setString(6, queue);
      item.setObject(7, tenant.value());
      item.setString(8, kind);
      return item.executeUpdate() == 1;
    }
  }

  private static void addShop(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement shop = c.prepareStatement(ADD_SHOP)) {
      shop.setObject(1, tenant.value());
      shop.executeUpdate();
    }
  }

  /**
   * Removes the tenant's items that wait to run, except those of {@code keptKind}, on the caller's connection and in
   * its transaction; running items finish or lose their lease as usual. Returns how many were removed.
   */
  public static int dropReadyOn(Connection c, String queue, TenantId tenant, String keptKind) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM work_items WHERE queue = ? AND shop_id = ? AND state = 'ready' AND kind <> ?")) {
      ps.setString(1, queue);
      ps.setObject(2, tenant.value());
      ps.setString(3, keptKind);
      return ps.executeUpdate();
    }
  }

  @Override
  public List<TenantId> readyShops() {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(READY_SHOPS)) {
            ps.setString(1, queue);
            List<TenantId> shops = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                shops.add(new TenantId(rs.getObject(1, UUID.class)));
              }
            }
            return shops;
          }
        });
  }

  @Override
  public Claim claim(TenantId tenant, String owner, Duration lease, CapPolicy caps) {
    return inTransaction(
        c -> {
          Optional<Integer> cap = lockShop(c, tenant, caps);
          if (cap.isEmpty()) {
            return Claim.empty();
          }
          if (held(c, tenant) >= cap.get()) {
            return Claim.atCap();
          }
          return leaseOldest(c, tenant, owner, lease);
        });
  }

  @Override
  public Set<Long> renew(String owner, Collection<Long> ids, Duration lease) {
    return inTransaction(
        c -> {
          Array idArray = c.createArrayOf("bigint", ids.toArray());
          try (PreparedStatement ps = c.prepareStatement(RENEW)) {
            ps.setLong(1, lease.toMillis());
            ps.setArray(2, idArray);
            ps.setString(3, owner);
            Set<Long> kept = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                kept.add(rs.getLong(1));
              }
            }
            return kept;
          } finally {
            idArray.free();
          }
        });
  }

  @Override
  public boolean complete(WorkItem item, String owner) {
    return settle(COMPLETE, item, owner);
  }

  @Override
  public boolean retry(WorkItem item, String owner, String error, Instant notBefore) {
    return settle(RETRY, item, owner, Timestamp.from(notBefore), error);
  }

  @Override
  public boolean bury(WorkItem item, String owner, String error) {
    return settle(BURY, item, owner, error);
  }

  @Override
  public int reapExpiredLeases() {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(REAP)) {
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void setCap(TenantId tenant, Optional<Integer> cap) {
    inTransaction(
        c -> {
          try (PreparedStatement add = c.prepareStatement(ADD_SHOP);
              PreparedStatement set = c.prepareStatement(SET_CAP)) {
            add.setObject(1, tenant.value());
            add.executeUpdate();
            if (cap.isPresent()) {
              set.setInt(1, cap.get());
            } else {
              set.setNull(1, Types.INTEGER);
            }
            set.setObject(2, tenant.value());
            return set.executeUpdate();
          }
        });
  }

  @Override
  public List<DeadLetter> deadLetters(Optional<TenantId> tenant, int limit) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(DEAD_LETTERS)) {
            String shop = tenant.map(TenantId::toString).orElse(null);
            ps.setString(1, shop);
            ps.setString(2, shop);
            ps.setInt(3, limit);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                letters.add(toDeadLetter(rs));
              }
            }
            return letters;
          }
        });
  }

  /** Locks the shop's row; its cap, or empty if the shop never had work. */
  private static Optional<Integer> lockShop(Connection c, TenantId tenant, CapPolicy caps) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK_SHOP)) {
      ps.setObject(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int override = rs.getInt(1);
        return Optional.of(rs.wasNull() ? caps.capFor(ShopPlan.fromCode(rs.getString(2))) : override);
      }
    }
  }

  private static long held(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(HELD)) {
      ps.setObject(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Claim leaseOldest(Connection c, TenantId tenant, String owner, Duration lease) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LEASE_OLDEST)) {
      ps.setString(1, owner);
      ps.setLong(2, lease.toMillis());
      ps.setString(3, queue);
      ps.setObject(4, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Claim.empty();
        }
        return Claim.claimed(
            new WorkItem(rs.getLong(1), tenant, rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
      }
    }
  }

  /** Runs a fenced settling update: {@code values} first, then the item id, owner and attempt. */
  private boolean settle(String sql, WorkItem item, String owner, Object... values) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
              ps.setObject(i++, value);
            }
            ps.setLong(i++, item.id());
            ps.setString(i++, owner);
            ps.setInt(i, item.attempt());
            return ps.executeUpdate() == 1;
          }
        });
  }

  private static DeadLetter toDeadLetter(ResultSet rs) throws SQLException {
    return new DeadLetter(
        rs.getLong("id"),
        rs.getString("queue"),
        new TenantId(rs.getObject("shop_id", UUID.class)),
        rs.getString("shop_domain"),
        rs.getString("kind"),
        rs.getString("payload"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getTimestamp("enqueued_at").toInstant(),
        rs.getTimestamp("finished_at").toInstant());
  }

  /** Runs {@code work} in a transaction of its own, as the dispatcher; commits, or rolls back on failure. */
  private <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement(AS_DISPATCHER)) {
          ps.execute();
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true); // pooled connections go back as they came
      }
    } catch (SQLException e) {
      throw new WorkQueueException("Work queue " + queue + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }
}
