package dev.neanelu.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neanelu.fairness.Backoff;
import dev.neanelu.fairness.CapPolicy;
import dev.neanelu.fairness.Claim;
import dev.neanelu.fairness.DeadLetter;
import dev.neanelu.fairness.DispatchListener;
import dev.neanelu.fairness.DispatchListener.Outcome;
import dev.neanelu.fairness.Dispatcher;
import dev.neanelu.fairness.DispatcherSettings;
import dev.neanelu.fairness.FairPicker;
import dev.neanelu.fairness.ShopGate;
import dev.neanelu.fairness.WorkItem;
import dev.neanelu.fairness.WorkQueue;
import dev.neanelu.fairness.WorkRunner;
import dev.neanelu.fairness.internal.BoundTenantScope;
import dev.neanelu.fairness.internal.PostgresWorkQueue;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fair dispatch in the container, over the PostgreSQL work queue, with tasks running through the spine's
 * TenantContext on managed threads. Each dispatcher here is built like the application's (same classes) with a worker
 * pool, picker, leases and owner name of its own, so two of them stand for two JVMs: they share nothing but the
 * database (reached through the server's non-JTA {@code jdbc/work} pool, which keeps no state between transactions).
 * Every test uses a queue of its own, which the application's dispatcher does not serve.
 *
 * <ul>
 *   <li>two dispatchers, two shops with caps 2 and 3, more workers than either cap: no item runs twice at once, each
 *       runs exactly once, the highest concurrency recorded per shop equals its cap (items meet at a barrier of cap
 *       parties, so the cap is reached and never passed), and every task saw its own tenant in TenantContext;
 *   <li>a dispatcher killed mid-item (it stops claiming and heartbeating): after the lease expires the second
 *       dispatcher runs the item again and records its success; when the killed one's attempt finishes late its
 *       outcome is refused (fencing), so exactly one success is recorded;
 *   <li>a shop with an empty bucket (its gate blocks it) enqueued first: the other shop's items all finish before the
 *       blocked shop's first item starts, and the blocked shop's items run once it is unblocked, each in one attempt.
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class FairDispatchIT {

  private static final long AWAIT_SECONDS = 30;

  private TenantContext tenants;
  private ManagedThreadFactory threads;
  private String queueName;
  private TenantId shop1;
  private TenantId shop2;
  private final List<Dispatcher> dispatchers = new ArrayList<>();
  private final List<ExecutorService> pools = new ArrayList<>();

  @Deployment
  static EnterpriseArchive application() throws IOException {
    EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/neanelu.ear"));
    ear.getAsType(WebArchive.class, "web-module.war").addClass(FairDispatchIT.class);
    // Arquillian's servlet protocol addresses a WAR by its name, so serve the WAR there instead of at "/".
    String descriptor = new String(ear.get("META-INF/application.xml").getAsset().openStream().readAllBytes(), UTF_8);
    ear.setApplicationXML(
        new StringAsset(
            descriptor.replace("<context-root>/</context-root>", "<context-root>/web-module</context-root>")));
    return ear;
  }

  @BeforeEach
  void twoShops() throws Exception {
    tenants = CDI.current().select(TenantContext.class).get();
    threads = InitialContext.doLookup("concurrent/fairDispatchLoop");
    queueName = "it-" + UUID.randomUUID();
    shop1 = registerShop();
    shop2 = registerShop();
  }

  @AfterEach
  void stopDispatchers() throws InterruptedException {
    for (Dispatcher d : dispatchers) {
      d.stop(TimeUnit.SECONDS.toMillis(AWAIT_SECONDS));
    }
    pools.forEach(ExecutorService::shutdownNow);
  }

  @Test
  void twoDispatchersNeverRunAnItemTwiceAtOnceNorPassAShopsCap() throws Exception {
    WorkQueue queue = queue();
    queue.setCap(shop1, Optional.of(2));
    queue.setCap(shop2, Optional.of(3));
    enqueue(queue, shop1, 12);
    enqueue(queue, shop2, 12);
    Map<TenantId, Integer> caps = Map.of(shop1, 2, shop2, 3);
    Map<TenantId, CyclicBarrier> waves = Map.of(shop1, new CyclicBarrier(2), shop2, new CyclicBarrier(3));
    Map<TenantId, AtomicInteger> runningNow = Map.of(shop1, new AtomicInteger(), shop2, new AtomicInteger());
    Map<TenantId, AtomicInteger> maxRunning = Map.of(shop1, new AtomicInteger(), shop2, new AtomicInteger());
    Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
    AtomicBoolean ranTwiceAtOnce = new AtomicBoolean();
    List<String> wrongTenant = new CopyOnWriteArrayList<>();
    WorkRunner runner =
        item -> {
          String seen = new BoundTenantScope(tenants, item.tenant()).call(FairDispatchIT::currentTenant);
          if (!item.tenant().toString().equals(seen)) {
            wrongTenant.add(item.id() + " saw " + seen);
          }
          runs.computeIfAbsent(item.id(), id -> new AtomicInteger()).incrementAndGet();
          if (!inFlight.add(item.id())) {
            ranTwiceAtOnce.set(true);
          }
          int now = runningNow.get(item.tenant()).incrementAndGet();
          maxRunning.get(item.tenant()).accumulateAndGet(now, Math::max);
          try {
            waves.get(item.tenant()).await(AWAIT_SECONDS, TimeUnit.SECONDS);
          } finally {
            runningNow.get(item.tenant()).decrementAndGet();
            inFlight.remove(item.id());
          }
        };
    Outcomes outcomes = new Outcomes(24);

    start("a", queue, 4, ShopGate.OPEN, runner, outcomes, Duration.ofSeconds(10));
    start("b", queue(), 4, ShopGate.OPEN, runner, outcomes, Duration.ofSeconds(10));

    outcomes.await();
    assertEquals(24, outcomes.count(Outcome.COMPLETED), "every item completed once: " + outcomes);
    assertEquals(List.of(), wrongTenant, "tasks saw their own tenant");
    assertTrue(!ranTwiceAtOnce.get(), "no item ran twice at once");
    assertTrue(runs.values().stream().allMatch(r -> r.get() == 1), "each item ran once: " + runs);
    assertEquals(caps.get(shop1), maxRunning.get(shop1).get(), "shop 1 ran at most (and at) its cap");
    assertEquals(caps.get(shop2), maxRunning.get(shop2).get(), "shop 2 ran at most (and at) its cap");
  }

  @Test
  void anItemOfAKilledDispatcherRunsAgainAfterItsLeaseAndSucceedsOnce() throws Exception {
    KillableQueue doomed = new KillableQueue(queue());
    long item = doomed.enqueue(shop1, "it", "killed", 5);
    CountDownLatch startedOnA = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    Outcomes outcomesA = new Outcomes(1);
    Outcomes outcomesB = new Outcomes(1);
    List<Integer> attemptsOnB = new CopyOnWriteArrayList<>();

    Dispatcher a =
        start(
            "a",
            doomed,
            2,
            ShopGate.OPEN,
            i -> {
              startedOnA.countDown();
              releaseA.await(AWAIT_SECONDS, TimeUnit.SECONDS); // the item is mid-run when A dies
            },
            outcomesA,
            Duration.ofSeconds(1));
    assertTrue(startedOnA.await(AWAIT_SECONDS, TimeUnit.SECONDS), "A started the item");
    doomed.kill();
    Dispatcher b =
        start("b", queue(), 2, ShopGate.OPEN, i -> attemptsOnB.add(i.attempt()), outcomesB, Duration.ofSeconds(1));

    outcomesB.await();
    releaseA.countDown(); // A's attempt finishes late, like a zombie process
    outcomesA.await();

    assertEquals(List.of(2), attemptsOnB, "B ran the item again as attempt 2");
    assertEquals(1, outcomesB.count(Outcome.COMPLETED));
    assertEquals(1, outcomesA.count(Outcome.LEASE_LOST), "A's late success was refused");
    ItemRow row = itemRow(item);
    assertEquals("done", row.state());
    assertEquals(2, row.attempts());
    assertEquals(b.owner(), row.completedBy());
    assertTrue(!a.owner().equals(row.completedBy()));
  }

  @Test
  void aShopWithAnEmptyBucketDoesNotDelayAnotherShop() throws Exception {
    WorkQueue queue = queue();
    enqueue(queue, shop1, 6); // first in, but its Shopify bucket is empty
    enqueue(queue, shop2, 6);
    AtomicBoolean shop1Blocked = new AtomicBoolean(true);
    ShopGate gate =
        t -> t.equals(shop1) && shop1Blocked.get() ? Optional.of(Instant.now().plusSeconds(3600)) : Optional.empty();
    Map<TenantId, List<Instant>> starts =
        Map.of(shop1, new CopyOnWriteArrayList<>(), shop2, new CopyOnWriteArrayList<>());
    Map<TenantId, List<Instant>> ends =
        Map.of(shop1, new CopyOnWriteArrayList<>(), shop2, new CopyOnWriteArrayList<>());
    Map<TenantId, List<Integer>> attempts =
        Map.of(shop1, new CopyOnWriteArrayList<>(), shop2, new CopyOnWriteArrayList<>());
    CountDownLatch shop2Done = new CountDownLatch(6);
    Outcomes all = new Outcomes(12);
    WorkRunner runner =
        item -> {
          starts.get(item.tenant()).add(Instant.now());
          attempts.get(item.tenant()).add(item.attempt());
          ends.get(item.tenant()).add(Instant.now());
          if (item.tenant().equals(shop2)) {
            shop2Done.countDown();
          }
        };

    start("gated", queue, 2, gate, runner, all, Duration.ofSeconds(10));
    assertTrue(shop2Done.await(AWAIT_SECONDS, TimeUnit.SECONDS), "shop 2 finished while shop 1 was blocked");
    assertEquals(List.of(), starts.get(shop1), "nothing of the blocked shop started");
    Instant unblocked = Instant.now();
    shop1Blocked.set(false);
    all.await();

    Instant lastOfShop2 = ends.get(shop2).stream().max(Instant::compareTo).orElseThrow();
    Instant firstOfShop1 = starts.get(shop1).stream().min(Instant::compareTo).orElseThrow();
    assertTrue(lastOfShop2.isBefore(firstOfShop1), "shop 2 completed before shop 1 started");
    assertTrue(!firstOfShop1.isBefore(unblocked), "shop 1 started only once unblocked");
    assertEquals(List.of(1, 1, 1, 1, 1, 1), attempts.get(shop1), "blocking cost shop 1 no attempts");
    assertEquals(12, all.count(Outcome.COMPLETED));
  }

  private Dispatcher start(
      String name,
      WorkQueue queue,
      int workers,
      ShopGate gate,
      WorkRunner runner,
      DispatchListener listener,
      Duration lease) {
    ExecutorService pool = Executors.newFixedThreadPool(workers, threads);
    pools.add(pool);
    DispatcherSettings settings =
        DispatcherSettings.defaults(DispatcherSettings.uniqueOwner(name), workers, CapPolicy.uniform(4))
            .withLease(lease, lease.dividedBy(4))
            .withPoll(Duration.ofMillis(100), Duration.ofMillis(20))
            .withBackoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)));
    Dispatcher dispatcher =
        new Dispatcher(queue, new FairPicker(), gate, runner, pool, threads, settings, listener, Clock.systemUTC());
    dispatchers.add(dispatcher);
    dispatcher.start();
    return dispatcher;
  }

  /** A queue over the server's non-JTA work pool, which keeps no state between transactions. */
  private PostgresWorkQueue queue() throws Exception {
    return new PostgresWorkQueue(InitialContext.doLookup("jdbc/work"), queueName);
  }

  private static void enqueue(WorkQueue queue, TenantId shop, int items) {
    for (int i = 0; i < items; i++) {
      queue.enqueue(shop, "it", Integer.toString(i), 5);
    }
  }

  private TenantId registerShop() throws Exception {
    TenantId id = TenantId.newId();
    DataSource app = InitialContext.doLookup("jdbc/app");
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
    transaction.begin();
    try (Connection c = app.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO shops (id, shop_domain) VALUES (?, ?)")) {
      ps.setObject(1, id.value());
      ps.setString(2, "fair-" + id.value() + ".myshopify.com");
      ps.executeUpdate();
    } finally {
      transaction.commit();
    }
    return id;
  }

  private static String currentTenant(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_setting('app.current_shop_id', true)");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private ItemRow itemRow(long id) throws Exception {
    DataSource work = InitialContext.doLookup("jdbc/work");
    try (Connection c = work.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement as = c.prepareStatement("SELECT set_config('app.work_dispatcher', 'on', true)");
          PreparedStatement ps =
              c.prepareStatement("SELECT state, attempts, completed_by FROM work_items WHERE id = ?")) {
        as.execute();
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), "item " + id + " exists");
          return new ItemRow(rs.getString(1), rs.getInt(2), rs.getString(3));
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  record ItemRow(String state, int attempts, String completedBy) {}

  /** Counts settled attempts by outcome and lets the test wait for a number of them. */
  static final class Outcomes implements DispatchListener {
    private final CountDownLatch expected;
    private final Map<Outcome, AtomicInteger> counts = new ConcurrentHashMap<>();

    Outcomes(int expected) {
      this.expected = new CountDownLatch(expected);
    }

    @Override
    public void settled(WorkItem item, Outcome outcome) {
      counts.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
      expected.countDown();
    }

    void await() throws InterruptedException {
      assertTrue(expected.await(AWAIT_SECONDS, TimeUnit.SECONDS), "attempts settled in time: " + counts);
    }

    int count(Outcome outcome) {
      AtomicInteger n = counts.get(outcome);
      return n == null ? 0 : n.get();
    }

    @Override
    public String toString() {
      return counts.toString();
    }
  }

  /**
   * A dispatcher's view of the queue that can die: once killed, it claims, polls, reaps and heartbeats no more (the
   * process is gone), but a settlement still reaches the database, as from a zombie finishing late.
   */
  static final class KillableQueue implements WorkQueue {
    private final WorkQueue queue;
    private volatile boolean killed;

    KillableQueue(WorkQueue queue) {
      this.queue = queue;
    }

    void kill() {
      killed = true;
    }

    private void alive() {
      if (killed) {
        throw new IllegalStateException("this dispatcher's JVM is dead");
      }
    }

    @Override
    public long enqueue(TenantId tenant, String kind, String payload, int maxAttempts) {
      alive();
      return queue.enqueue(tenant, kind, payload, maxAttempts);
    }

    @Override
    public List<TenantId> readyShops() {
      alive();
      return queue.readyShops();
    }

    @Override
    public Claim claim(TenantId tenant, String owner, Duration lease, CapPolicy caps) {
      alive();
      return queue.claim(tenant, owner, lease, caps);
    }

    @Override
    public Set<Long> renew(String owner, Collection<Long> ids, Duration lease) {
      alive();
      return queue.renew(owner, ids, lease);
    }

    @Override
    public boolean complete(WorkItem item, String owner) {
      return queue.complete(item, owner);
    }

    @Override
    public boolean retry(WorkItem item, String owner, String error, Instant notBefore) {
      return queue.retry(item, owner, error, notBefore);
    }

    @Override
    public boolean bury(WorkItem item, String owner, String error) {
      return queue.bury(item, owner, error);
    }

    @Override
    public int reapExpiredLeases() {
      alive();
      return queue.reapExpiredLeases();
    }

    @Override
    public void setCap(TenantId tenant, Optional<Integer> cap) {
      alive();
      queue.setCap(tenant, cap);
    }

    @Override
    public List<DeadLetter> deadLetters(Optional<TenantId> tenant, int limit) {
      return queue.deadLetters(tenant, limit);
    }
  }
}
