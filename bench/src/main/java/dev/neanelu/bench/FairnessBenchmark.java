package dev.neanelu.bench;

import dev.neanelu.fairness.CapPolicy;
import dev.neanelu.fairness.DispatchListener;
import dev.neanelu.fairness.Dispatcher;
import dev.neanelu.fairness.DispatcherSettings;
import dev.neanelu.fairness.FairPicker;
import dev.neanelu.fairness.ShopGate;
import dev.neanelu.fairness.TenantOrder;
import dev.neanelu.fairness.WorkItem;
import dev.neanelu.fairness.internal.InMemoryWorkQueue;
import dev.neanelu.tenant.TenantId;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Issue 8's benchmark: tenant A enqueues {@code big} items, then tenants B-E {@code small} items each; an item is
 * {@code itemMs} of simulated (sleeping) work. Every run goes through the application's {@link Dispatcher} over the
 * {@link InMemoryWorkQueue} with {@code workers} worker threads and a per-shop cap; only the order differs:
 *
 * <ul>
 *   <li>solo: each small tenant alone (its reference time);
 *   <li>fair: the dispatcher's {@link FairPicker};
 *   <li>fifo: {@link FifoOrder} (oldest item first), caps kept;
 *   <li>global fifo: oldest item first with the cap raised to the pool size, i.e. one FIFO queue.
 * </ul>
 *
 * <p>A run ends when the small tenants are done (A's remaining backlog does not matter). Jain's index is computed
 * over the tenants' throughputs (items completed) in the window in which all five are active: from the start until
 * the first small tenant finishes.
 */
public final class FairnessBenchmark {

  private final int workers;
  private final int cap;
  private final int bigItems;
  private final int smallItems;
  private final long itemMs;
  private final boolean globalFifo;
  private final PrintStream out;

  private FairnessBenchmark(Map<String, String> options, PrintStream out) {
    this.workers = Integer.parseInt(options.getOrDefault("workers", "24"));
    this.cap = Integer.parseInt(options.getOrDefault("cap", "5"));
    this.bigItems = Integer.parseInt(options.getOrDefault("big", "200000"));
    this.smallItems = Integer.parseInt(options.getOrDefault("small", "500"));
    this.itemMs = Long.parseLong(options.getOrDefault("item-ms", "5"));
    this.globalFifo = !options.containsKey("no-global-fifo");
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(name, flag ? "" : args[++i]);
    }
    java.util.logging.Logger.getLogger("dev.neanelu.fairness").setLevel(java.util.logging.Level.WARNING);
    new FairnessBenchmark(options, System.out).run();
  }

  private void run() throws Exception {
    out.printf(
        Locale.ROOT,
        "Fair dispatch benchmark: A=%d items, B-E=%d items each, %d ms per item, %d workers, per-shop cap %d,"
            + " in-memory queue%n%n",
        bigItems, smallItems, itemMs, workers, cap);
    List<String> smallNames = List.of("B", "C", "D", "E");
    run(q -> new FairPicker(), CapPolicy.uniform(cap), 0, List.of("warm-up")); // JIT, thread start-up
    Map<String, Double> solo = new LinkedHashMap<>();
    for (String name : smallNames) {
      Result r = run(q -> new FairPicker(), CapPolicy.uniform(cap), 0, List.of(name));
      solo.put(name, r.finishedMs.get(name));
    }
    out.printf(Locale.ROOT, "%-34s %s%n", "order", "B, C, D, E: completion ms (x solo)          worst   Jain");
    print("solo (each small tenant alone)", solo, solo, Double.NaN);
    Result fair = run(q -> new FairPicker(), CapPolicy.uniform(cap), bigItems, smallNames);
    print("fair (FairPicker, DRR)", fair.finishedMs, solo, fair.jain);
    Result fifo = run(FifoOrder::new, CapPolicy.uniform(cap), bigItems, smallNames);
    print("fifo (oldest item first, caps kept)", fifo.finishedMs, solo, fifo.jain);
    if (globalFifo) {
      Result global = run(FifoOrder::new, CapPolicy.uniform(workers), bigItems, smallNames);
      print("fifo (one global queue, no caps)", global.finishedMs, solo, global.jain);
    }
  }

  private void print(String order, Map<String, Double> finished, Map<String, Double> solo, double jain) {
    StringBuilder line = new StringBuilder();
    double worst = 0;
    for (Map.Entry<String, Double> e : finished.entrySet()) {
      double ratio = e.getValue() / solo.get(e.getKey());
      worst = Math.max(worst, ratio);
      line.append(String.format(Locale.ROOT, "%7.0f (%.2fx) ", e.getValue(), ratio));
    }
    out.printf(
        Locale.ROOT,
        "%-34s %s %6.2fx  %s%n",
        order,
        line,
        worst,
        Double.isNaN(jain) ? "  -" : String.format(Locale.ROOT, "%.3f", jain));
  }

  /** One run: A first (if {@code big} > 0), then the named small tenants; returns when the small ones are done. */
  private Result run(Function<InMemoryWorkQueue, TenantOrder> orders, CapPolicy caps, int big, List<String> smalls)
      throws InterruptedException {
    InMemoryWorkQueue queue = new InMemoryWorkQueue(Clock.systemUTC());
    Map<TenantId, String> names = new LinkedHashMap<>();
    if (big > 0) {
      names.put(enqueue(queue, big), "A");
    }
    for (String name : smalls) {
      names.put(enqueue(queue, smallItems), name);
    }
    Clocks clocks = new Clocks(names, smallItems, smalls.size());
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    DispatcherSettings settings = DispatcherSettings.defaults("bench", workers, caps);
    WorkRunnerSleep work = new WorkRunnerSleep(itemMs);
    Dispatcher dispatcher =
        new Dispatcher(queue, orders.apply(queue), ShopGate.OPEN, work, pool, Thread::new, settings, clocks,
            Clock.systemUTC());
    clocks.start();
    dispatcher.start();
    clocks.smallsDone.await();
    dispatcher.stop(TimeUnit.SECONDS.toMillis(10));
    pool.shutdown(); // the few running items finish; A's backlog stays queued
    pool.awaitTermination(10, TimeUnit.SECONDS);
    return new Result(clocks.finishedMs(smalls), clocks.jain());
  }

  private static TenantId enqueue(InMemoryWorkQueue queue, int items) {
    TenantId tenant = TenantId.newId();
    for (int i = 0; i < items; i++) {
      queue.enqueue(tenant, "bench", "", 1);
    }
    return tenant;
  }

  record Result(Map<String, Double> finishedMs, double jain) {}

  /** An item's simulated work: sleeping, as an item waiting on Shopify or the database would. */
  record WorkRunnerSleep(long millis) implements dev.neanelu.fairness.WorkRunner {
    @Override
    public void run(WorkItem item) throws InterruptedException {
      Thread.sleep(millis);
    }
  }

  /** Completion clocks per tenant, and the throughput snapshot when the first small tenant finishes. */
  static final class Clocks implements DispatchListener {
    private final Map<TenantId, String> names;
    private final int smallItems;
    private final Map<TenantId, AtomicInteger> completed = new ConcurrentHashMap<>();
    private final Map<String, Double> finishedMs = new ConcurrentHashMap<>();
    private final CountDownLatch smallsDone;
    private volatile long startNanos;
    private volatile Map<TenantId, Integer> windowCounts;

    Clocks(Map<TenantId, String> names, int smallItems, int smalls) {
      this.names = names;
      this.smallItems = smallItems;
      this.smallsDone = new CountDownLatch(smalls);
      names.keySet().forEach(t -> completed.put(t, new AtomicInteger()));
    }

    void start() {
      startNanos = System.nanoTime();
    }

    @Override
    public void settled(WorkItem item, Outcome outcome) {
      if (outcome != Outcome.COMPLETED) {
        return;
      }
      int n = completed.get(item.tenant()).incrementAndGet();
      String name = names.get(item.tenant());
      if (!"A".equals(name) && n == smallItems) {
        finishedMs.put(name, (System.nanoTime() - startNanos) / 1e6);
        synchronized (this) {
          if (windowCounts == null) {
            Map<TenantId, Integer> snapshot = new LinkedHashMap<>();
            completed.forEach((t, c) -> snapshot.put(t, c.get()));
            windowCounts = snapshot;
          }
        }
        smallsDone.countDown();
      }
    }

    Map<String, Double> finishedMs(List<String> order) {
      Map<String, Double> ordered = new LinkedHashMap<>();
      order.forEach(name -> ordered.put(name, finishedMs.get(name)));
      return ordered;
    }

    /** Jain's index of the items each tenant completed in the window when all were active: (Σx)² / (n·Σx²). */
    double jain() {
      List<Integer> x = new ArrayList<>(windowCounts.values());
      double sum = x.stream().mapToDouble(Integer::doubleValue).sum();
      double squares = x.stream().mapToDouble(v -> (double) v * v).sum();
      return sum * sum / (x.size() * squares);
    }
  }
}
