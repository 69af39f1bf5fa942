package dev.neanelu.fairness;

import dev.neanelu.fairness.internal.BoundTenantScope;
import dev.neanelu.fairness.internal.CombinedShopGate;
import dev.neanelu.fairness.internal.HandlerRunner;
import dev.neanelu.fairness.internal.PostgresWorkQueue;
import dev.neanelu.tenant.ShopPlan;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's way into fair dispatch: enqueue per-shop work, see dead letters, set a shop's cap. This JVM's
 * {@link Dispatcher} serves the queue {@value #QUEUE} with the managed executor {@code concurrent/fairDispatch}
 * (whose maximum concurrency, {@code FAIR_DISPATCH_THREADS}, is also the dispatcher's) and the {@link WorkHandler}s
 * and {@link ShopGate}s the application has; it starts after the schema migration (see {@code
 * internal.FairDispatchStartup}).
 *
 * <p>Configuration: {@code FAIR_DISPATCH_THREADS} (16), {@code FAIR_SHOP_CAP} (4, a plan's cap unless {@code
 * FAIR_SHOP_CAP_<PLAN>} is set; per shop through {@link #setCap}), {@code FAIR_MAX_ATTEMPTS} (5), {@code
 * FAIR_LEASE_SECONDS} (30; heartbeat every third of it).
 */
@ApplicationScoped
public class FairDispatch {

  /** The queue the application's dispatchers serve. */
  public static final String QUEUE = "main";

  private static final Logger LOG = Logger.getLogger(FairDispatch.class.getName());

  @Resource(lookup = "jdbc/work")
  private DataSource workDatabase;

  @Resource(lookup = "concurrent/fairDispatch")
  private ManagedExecutorService workers;

  @Resource(lookup = "concurrent/fairDispatchLoop")
  private ManagedThreadFactory loopThreads;

  @Inject TenantContext tenants;
  @Inject Instance<WorkHandler> handlers;
  @Inject Instance<ShopGate> gates;
  @Inject Config config;

  @Inject
  @ConfigProperty(name = "FAIR_DISPATCH_THREADS", defaultValue = "16")
  int threads;

  @Inject
  @ConfigProperty(name = "FAIR_MAX_ATTEMPTS", defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "FAIR_LEASE_SECONDS", defaultValue = "30")
  int leaseSeconds;

  private WorkQueue queue;
  private Dispatcher dispatcher;

  @PostConstruct
  void init() {
    queue = new PostgresWorkQueue(workDatabase, QUEUE);
  }

  /** Adds work for {@code tenant}; this JVM's dispatcher gives the shop a turn at once. Returns the item's id. */
  public long enqueue(TenantId tenant, String kind, String payload) {
    long id = queue.enqueue(tenant, kind, payload, maxAttempts);
    Dispatcher running = dispatcher;
    if (running != null) {
      running.wake(tenant);
    }
    return id;
  }

  /**
   * Adds work for {@code tenant} inside the caller's transaction on {@code connection} (a {@code TenantContext}
   * connection of that tenant): the item commits or rolls back with the caller's rows. Call {@link #wake} after the
   * commit so this JVM's dispatcher looks at once; otherwise the next poll finds the item.
   */
  public long enqueueWithin(Connection connection, TenantId tenant, String kind, String payload) throws SQLException {
    return PostgresWorkQueue.enqueueOn(connection, QUEUE, tenant, kind, payload, maxAttempts);
  }

  /**
   * Removes {@code tenant}'s waiting work except items of {@code keptKind}, inside the caller's transaction on
   * {@code connection} (a {@code TenantContext} connection of that tenant).
   */
  public int dropQueuedWithin(Connection connection, TenantId tenant, String keptKind) throws SQLException {
    return PostgresWorkQueue.dropReadyOn(connection, QUEUE, tenant, keptKind);
  }

  /**
   * Adds work for {@code tenant} inside the caller's transaction like {@link #enqueueWithin}, unless a ready item of
   * the same kind is queued already (coalescing work that drains a backlog). Returns whether it added one.
   */
  public boolean enqueueUnlessReadyWithin(Connection connection, TenantId tenant, String kind, String payload)
      throws SQLException {
    return PostgresWorkQueue.enqueueUnlessReadyOn(connection, QUEUE, tenant, kind, payload, maxAttempts);
  }

  /** Tells this JVM's dispatcher that {@code tenant} has new work. */
  public void wake(TenantId tenant) {
    Dispatcher running = dispatcher;
    if (running != null) {
      running.wake(tenant);
    }
  }

  /** The newest dead letters first, of one shop or of all. */
  public List<DeadLetter> deadLetters(Optional<TenantId> tenant, int limit) {
    return queue.deadLetters(tenant, limit);
  }

  /** Sets {@code tenant}'s own concurrency cap, in every JVM; empty restores its plan's. */
  public void setCap(TenantId tenant, Optional<Integer> cap) {
    queue.setCap(tenant, cap);
  }

  /** The caps by plan, from configuration. */
  public CapPolicy capPolicy() {
    int defaultCap = config.getOptionalValue("FAIR_SHOP_CAP", Integer.class).orElse(4);
    Map<ShopPlan, Integer> perPlan = new EnumMap<>(ShopPlan.class);
    for (ShopPlan plan : ShopPlan.values()) {
      config.getOptionalValue("FAIR_SHOP_CAP_" + plan.name(), Integer.class).ifPresent(c -> perPlan.put(plan, c));
    }
    return new CapPolicy(defaultCap, perPlan);
  }

  /** Starts this JVM's dispatcher; called once the schema is migrated. */
  public synchronized void start() {
    if (dispatcher != null) {
      return;
    }
    DispatcherSettings settings =
        DispatcherSettings.defaults(DispatcherSettings.uniqueOwner("neanelu"), threads, capPolicy())
            .withLease(
                Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(leaseSeconds).dividedBy(3));
    dispatcher =
        new Dispatcher(
            queue,
            new FairPicker(),
            new CombinedShopGate(gates.stream().toList()),
            new HandlerRunner(handlers, tenant -> new BoundTenantScope(tenants, tenant)),
            workers,
            loopThreads,
            settings,
            DispatchListener.NONE,
            Clock.systemUTC());
    dispatcher.start();
    LOG.info(() -> "Fair dispatch serves queue " + QUEUE + " as " + settings.owner());
  }

  /** Stops this JVM's dispatcher; running items finish, and the leases of any that do not, expire. */
  public synchronized void stop() throws InterruptedException {
    if (dispatcher != null) {
      dispatcher.stop(5_000);
      dispatcher = null;
    }
  }
}
