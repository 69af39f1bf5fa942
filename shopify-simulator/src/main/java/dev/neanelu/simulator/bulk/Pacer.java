package dev.neanelu.simulator.bulk;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds an export to a target pace in objects per second, so tests can keep operations RUNNING and
 * benchmarks can mimic Shopify's speed. A rate of 0 disables pacing.
 */
final class Pacer {

  private final double perSecond;
  private final long startNanos = System.nanoTime();

  Pacer(double perSecond) {
    this.perSecond = perSecond;
  }

  /** Waits until {@code done} objects are due, or until {@code stop} says the export is over. */
  void await(long done, java.util.function.BooleanSupplier stop) {
    if (perSecond <= 0) {
      return;
    }
    long due = startNanos + (long) (done / perSecond * 1e9);
    long wait;
    while ((wait = due - System.nanoTime()) > 0
        && !stop.getAsBoolean()
        && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(Math.min(wait, 50_000_000L));
    }
  }
}
