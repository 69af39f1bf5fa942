package dev.neanelu.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * In-JVM single flight:
 *
 * <ul>
 *   <li>16 threads ask while the first computes → one computation, all 16 get its value;
 *   <li>a failing flight → every waiter sees the same exception, and the next call computes afresh.
 * </ul>
 * Threads are released by latches, not by timing.
 */
class SingleFlightTest {

  @Test
  void concurrentCallersShareOneComputation() throws Exception {
    SingleFlight<String, String> flights = new SingleFlight<>();
    AtomicInteger computations = new AtomicInteger();
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> results = new ArrayList<>();
      results.add(pool.submit(() -> flights.run("shop", () -> {
        computations.incrementAndGet();
        computing.countDown();
        await(release);
        return "fresh";
      })));
      computing.await();
      for (int i = 1; i < 16; i++) {
        results.add(pool.submit(() -> flights.run("shop", () -> {
          computations.incrementAndGet();
          return "second";
        })));
      }
      while (flights.joined() < 15) {
        Thread.onSpinWait(); // until all 15 wait on the running flight; no timing involved
      }
      release.countDown();
      List<String> values = new ArrayList<>();
      for (Future<String> f : results) {
        values.add(f.get());
      }
      assertThat(values).hasSize(16);
      assertThat(values).containsOnly("fresh");
      assertThat(computations.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failureReachesTheCallerAndTheNextCallComputesAgain() {
    SingleFlight<String, String> flights = new SingleFlight<>();
    assertThatThrownBy(() -> flights.run("shop", () -> {
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
    assertThat(flights.run("shop", () -> "ok")).isEqualTo("ok");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
