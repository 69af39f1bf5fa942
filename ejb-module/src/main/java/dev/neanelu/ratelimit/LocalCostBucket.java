package dev.neanelu.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The in-JVM bucket, for a single node without Redis. Same arithmetic as the Redis script ({@code bucket.lua}); a
 * lock per shop keeps each update atomic.
 */
public final class LocalCostBucket implements CostBucket {

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final LongSupplier clockMillis;

  public LocalCostBucket() {
    this(System::currentTimeMillis);
  }

  /** @param clockMillis the clock, injectable so tests control time */
  public LocalCostBucket(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  @Override
  public Duration reserve(String shop, double cost, BucketLimits initial) {
    State state = state(shop, initial);
    synchronized (state) {
      state.restore(clockMillis.getAsLong());
      state.available -= cost;
      return state.available >= 0
          ? Duration.ZERO
          : Duration.ofMillis((long) Math.ceil(-state.available * 1000 / state.rate));
    }
  }

  @Override
  public void settle(String shop, double refund, ThrottleStatus observed, BucketLimits initial) {
    State state = state(shop, initial);
    synchronized (state) {
      state.restore(clockMillis.getAsLong());
      state.available = Math.min(state.max, state.available + refund);
      if (observed != null) {
        state.max = observed.maximumAvailable();
        state.rate = observed.restoreRate();
        state.available = Math.min(state.available, observed.currentlyAvailable());
      }
    }
  }

  @Override
  public double available(String shop, BucketLimits initial) {
    State state = state(shop, initial);
    synchronized (state) {
      state.restore(clockMillis.getAsLong());
      return state.available;
    }
  }

  @Override
  public String location() {
    return "in-JVM";
  }

  private State state(String shop, BucketLimits initial) {
    return states.computeIfAbsent(shop, s -> new State(initial, clockMillis.getAsLong()));
  }

  private static final class State {
    double max;
    double rate;
    double available;
    long lastMillis;

    State(BucketLimits limits, long now) {
      max = limits.maximumAvailable();
      rate = limits.restoreRate();
      available = max;
      lastMillis = now;
    }

    void restore(long now) {
      available = Math.min(max, available + (now - lastMillis) * rate / 1000);
      lastMillis = now;
    }
  }
}
