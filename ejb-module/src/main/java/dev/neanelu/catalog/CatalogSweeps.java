package dev.neanelu.catalog;

import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When each installed shop's reconciliation sweep is due ({@code SWEEP_INTERVAL_MINUTES}, default 15) and what the
 * last one did ({@code catalog_sweeps}). A due sweep is claimed by moving its {@code next_due_at} in the same
 * transaction that queues it as fair-dispatch work ({@link CatalogSweepWork}), so one instance queues it, once. A
 * shop's first interval starts when it is first seen: its first full sync has just read everything.
 */
@ApplicationScoped
public class CatalogSweeps {

  private static final Logger LOG = Logger.getLogger(CatalogSweeps.class.getName());

  private static final String INSTALLED =
      "SELECT id FROM shops WHERE uninstalled_at IS NULL AND redacted_at IS NULL ORDER BY id";
  private static final String CLAIM =
      "INSERT INTO catalog_sweeps AS s (shop_id, next_due_at) VALUES (?, now() + make_interval(mins => ?))"
          + " ON CONFLICT (shop_id) DO UPDATE SET next_due_at = excluded.next_due_at"
          + " WHERE s.next_due_at <= now() RETURNING (xmax <> 0)";
  private static final String STATE =
      "SELECT (SELECT swept_through FROM catalog_sweeps), (SELECT max(started_at) FROM sync_runs"
          + " WHERE status LIKE 'SUCCEEDED%')";
  private static final String RECORD =
      "INSERT INTO catalog_sweeps AS s (shop_id, next_due_at, swept_through, last_swept_at, last_outcome)"
          + " VALUES (?, now() + make_interval(mins => ?), ?, now(), ?) ON CONFLICT (shop_id) DO UPDATE"
          + " SET swept_through = coalesce(excluded.swept_through, s.swept_through), last_swept_at = now(),"
          + " last_outcome = excluded.last_outcome";

  @Resource(lookup = "jdbc/app")
  private DataSource dataSource;

  @Inject TenantContext tenants;
  @Inject FairDispatch dispatch;

  @Inject
  @ConfigProperty(name = "SWEEP_INTERVAL_MINUTES", defaultValue = "15")
  int intervalMinutes;

  /** Queues the sweeps that are due; returns how many this call queued. */
  public int queueDue() {
    int queued = 0;
    for (TenantId shop : installedShops()) {
      if (tenants.call(shop, c -> claim(c, shop))) {
        dispatch.wake(shop);
        queued++;
      }
    }
    return queued;
  }

  /**
   * Queues a sweep of {@code shop} now (ops), whatever its schedule, unless one is queued already (a sweep that has
   * not started reads everything a second one would); returns whether this call queued it.
   */
  public boolean queueNow(TenantId shop) {
    boolean queued =
        tenants.call(shop, c -> dispatch.enqueueUnlessReadyWithin(c, shop, CatalogSweepWork.KIND, shop.toString()));
    dispatch.wake(shop);
    return queued;
  }

  /** A shop's sweep schedule and the last sweep's result, as the ops API shows them. */
  public record State(Instant nextDueAt, Instant sweptThrough, Instant lastSweptAt, String lastOutcome) {}

  /** The shop's sweep state; empty before its first interval began. */
  public Optional<State> state(TenantId shop) {
    return tenants.call(
        shop,
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT next_due_at, swept_through, last_swept_at, last_outcome FROM catalog_sweeps");
              ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(new State(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
                    instant(rs.getTimestamp(3)), rs.getString(4)))
                : Optional.<State>empty();
          }
        });
  }

  /** Where the shop's next sweep starts reading: after its last sweep, or its last successful sync's start. */
  Optional<Instant> since(TenantId shop) {
    return tenants.call(
        shop,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(STATE);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            Instant swept = instant(rs.getTimestamp(1));
            Instant synced = instant(rs.getTimestamp(2));
            if (swept == null || synced != null && synced.isAfter(swept)) {
              return Optional.ofNullable(synced);
            }
            return Optional.of(swept);
          }
        });
  }

  /** Records a sweep's end; {@code sweptThrough} null keeps the previous mark (the sweep read nothing for sure). */
  void record(TenantId shop, Instant sweptThrough, String outcome) {
    tenants.run(
        shop,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setObject(1, shop.value());
            ps.setInt(2, intervalMinutes);
            ps.setTimestamp(3, sweptThrough == null ? null : Timestamp.from(sweptThrough));
            ps.setString(4, outcome);
            return ps.executeUpdate();
          }
        });
  }

  private boolean claim(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
      ps.setObject(1, shop.value());
      ps.setInt(2, intervalMinutes);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return false;
        }
      }
    }
    return dispatch.enqueueUnlessReadyWithin(c, shop, CatalogSweepWork.KIND, shop.toString());
  }

  List<TenantId> installedShops() {
    List<TenantId> shops = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSTALLED);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        shops.add(new TenantId(rs.getObject(1, UUID.class)));
      }
    } catch (SQLException e) {
      LOG.warning(() -> "Cannot list the installed shops for their sweeps: " + e.getMessage());
    }
    return shops;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
