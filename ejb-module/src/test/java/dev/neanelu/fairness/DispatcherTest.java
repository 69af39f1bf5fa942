package dev.neanelu.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.fairness.internal.InMemoryWorkQueue;
import dev.neanelu.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher loop over the in-memory queue (the PostgreSQL queue and two dispatchers are in {@code
 * FairDispatchIT}). Scenarios:
 *
 * <ul>
 *   <li>one worker, a shop with 100 items enqueued before a shop with 5: the small shop's items alternate with the big
 *       one's instead of waiting behind them;
 *   <li>a blocked shop (its gate says so) starts nothing while another shop's items all complete; unblocked, it runs;
 *   <li>the per-shop cap holds with more workers than the cap (waves of exactly cap items meet at a barrier);
 *   <li>a failing attempt is retried after backoff and then succeeds;
 *   <li>an item failing every attempt becomes a dead letter with its last error, tokens redacted.
 * </ul>
 */
class DispatcherTest {

  private static final Duration AWAIT = Duration.ofSeconds(10);

  private final InMemoryWorkQueue queue = new InMemoryWorkQueue(Clock.systemUTC());
  private final TenantId big = TenantId.newId();
  private final TenantId small = TenantId.newId();
  private final List<TenantId> started = Collections.synchronizedList(new ArrayList<>());
  private final Map<DispatchListener.Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  private ExecutorService workers;
  private Dispatcher dispatcher;

  @AfterEach
  void stop() throws InterruptedException {
    if (dispatcher != null) {
      dispatcher.stop(AWAIT.toMillis());
    }
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  @Test
  void aSmallShopIsNotStuckBehindABigBacklog() throws Exception {
    enqueue(big, 100);
    enqueue(small, 5);
    CountDownLatch smallDone = new CountDownLatch(5);
    start(1, ShopGate.OPEN, CapPolicy.uniform(4), item -> record(item, smallDone));

    await(smallDone);
    List<TenantId> firstTen;
    synchronized (started) {
      firstTen = List.copyOf(started.subList(0, 10));
    }
    assertThat(firstTen).containsExactly(big, small, big, small, big, small, big, small, big, small);
  }

  @Test
  void aBlockedShopIsSkippedWhileOthersRun() throws Exception {
    AtomicReference<Instant> blockedUntil = new AtomicReference<>(Instant.now().plus(Duration.ofHours(1)));
    ShopGate gate = t -> t.equals(big) ? Optional.ofNullable(blockedUntil.get()) : Optional.empty();
    enqueue(big, 3);
    enqueue(small, 5);
    CountDownLatch smallDone = new CountDownLatch(5);
    CountDownLatch all = new CountDownLatch(8);
    start(2, gate, CapPolicy.uniform(4), item -> {
      record(item, smallDone);
      all.countDown();
    });

    await(smallDone);
    assertThat(started).containsOnly(small);
    blockedUntil.set(null);
    await(all);
    assertThat(started).filteredOn(big::equals).hasSize(3);
  }

  @Test
  void theShopCapHoldsWithMoreWorkersThanTheCap() throws Exception {
    int cap = 2;
    enqueue(big, 10);
    AtomicInteger runningNow = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    CyclicBarrier wave = new CyclicBarrier(cap);
    CountDownLatch done = new CountDownLatch(10);
    start(6, ShopGate.OPEN, CapPolicy.uniform(cap), item -> {
      maxRunning.accumulateAndGet(runningNow.incrementAndGet(), Math::max);
      wave.await(AWAIT.toSeconds(), TimeUnit.SECONDS); // only passes when cap items run together
      runningNow.decrementAndGet();
      done.countDown();
    });

    await(done);
    assertThat(maxRunning.get()).isEqualTo(cap);
  }

  @Test
  void aFailedAttemptIsRetriedAfterBackoff() throws Exception {
    enqueue(small, 1);
    CountDownLatch completed = new CountDownLatch(1);
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    DispatchListener listener = (item, outcome) -> {
      count(outcome);
      if (outcome == DispatchListener.Outcome.COMPLETED) {
        completed.countDown();
      }
    };
    start(1, ShopGate.OPEN, CapPolicy.uniform(1), listener, item -> {
      attempts.add(item.attempt());
      if (item.attempt() == 1) {
        throw new IllegalStateException("transient");
      }
    });

    await(completed);
    assertThat(attempts).containsExactly(1, 2);
    assertThat(outcomes.get(DispatchListener.Outcome.RETRIED)).hasValue(1);
  }

  @Test
  void anItemFailingEveryAttemptBecomesADeadLetter() throws Exception {
    queue.enqueue(small, "always-fails", "{\"page\":1}", 3);
    CountDownLatch buried = new CountDownLatch(1);
    DispatchListener listener = (item, outcome) -> {
      if (outcome == DispatchListener.Outcome.BURIED) {
        buried.countDown();
      }
    };
    start(1, ShopGate.OPEN, CapPolicy.uniform(1), listener, item -> {
      throw new IllegalStateException("Shopify said no to token shpat_0123456789abcdef");
    });

    await(buried);
    List<DeadLetter> dead = queue.deadLetters(Optional.of(small), 10);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).attempts()).isEqualTo(3);
    assertThat(dead.get(0).payload()).isEqualTo("{\"page\":1}");
    assertThat(dead.get(0).lastError())
        .isEqualTo("java.lang.IllegalStateException: Shopify said no to token shpat_[redacted]");
  }

  private void enqueue(TenantId tenant, int items) {
    for (int i = 0; i < items; i++) {
      queue.enqueue(tenant, "test", Integer.toString(i), 5);
    }
  }

  private void record(WorkItem item, CountDownLatch smallDone) {
    started.add(item.tenant());
    if (item.tenant().equals(small)) {
      smallDone.countDown();
    }
  }

  private void count(DispatchListener.Outcome outcome) {
    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
  }

  private void start(int threads, ShopGate gate, CapPolicy caps, WorkRunner runner) {
    start(threads, gate, caps, (item, outcome) -> count(outcome), runner);
  }

  private void start(int threads, ShopGate gate, CapPolicy caps, DispatchListener listener, WorkRunner runner) {
    workers = Executors.newFixedThreadPool(threads);
    DispatcherSettings settings =
        DispatcherSettings.defaults("test", threads, caps)
            .withPoll(Duration.ofMillis(20), Duration.ofMillis(5))
            .withBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    dispatcher =
        new Dispatcher(
            queue, new FairPicker(), gate, runner, workers, Thread::new, settings, listener, Clock.systemUTC());
    dispatcher.start();
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(AWAIT.toSeconds(), TimeUnit.SECONDS)).as("finished in time").isTrue();
  }
}
