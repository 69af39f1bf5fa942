package dev.neanelu.simulator.cost;

import java.time.Clock;

/**
 * Shopify's cost budget for one (app, shop) pair: a bucket of {@code maximumAvailable} points that
 * refills at {@code restoreRate} points per second. A request must find its full requested cost in
 * the bucket before it runs; afterwards the difference between requested and actual cost is
 * refunded. Time comes from the injected clock so the arithmetic is testable to the point.
 */
public final class LeakyBucket {

  private final Clock clock;
  private double maximum;
  private double restoreRate;
  private double available;
  private long lastNanos;

  public LeakyBucket(Clock clock, double maximum, double restoreRate) {
    this.clock = clock;
    this.maximum = maximum;
    this.restoreRate = restoreRate;
    this.available = maximum;
    this.lastNanos = nowNanos();
  }

  /** Takes {@code cost} points if the bucket holds them; returns whether it did. */
  public synchronized boolean tryTake(double cost) {
    refill();
    if (cost > available) {
      return false;
    }
    available -= cost;
    return true;
  }

  /** Gives back points (requested minus actual cost), never above the maximum. */
  public synchronized void refund(double points) {
    refill();
    available = Math.min(maximum, available + Math.max(0, points));
  }

  /** Empties the bucket, as a THROTTLED storm or another app hammering the shop would. */
  public synchronized void drain() {
    refill();
    available = 0;
  }

  public synchronized void reconfigure(double newMaximum, double newRestoreRate) {
    refill();
    maximum = newMaximum;
    restoreRate = newRestoreRate;
    available = Math.min(available, maximum);
  }

  public synchronized ThrottleStatus status() {
    refill();
    return new ThrottleStatus(maximum, Math.floor(available), restoreRate);
  }

  private void refill() {
    long now = nowNanos();
    double seconds = Math.max(0, now - lastNanos) / 1e9;
    available = Math.min(maximum, available + seconds * restoreRate);
    lastNanos = now;
  }

  private long nowNanos() {
    var instant = clock.instant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
