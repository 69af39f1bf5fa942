package dev.neanelu.fairness;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between attempts of one item: {@code base × 2^(attempt-1)}, never more than {@code max}. No
 * jitter: items of one shop fail for the same reason at different times anyway, and a deterministic schedule is what
 * operators and tests can reason about.
 *
 * @param base the delay after the first failed attempt
 * @param max the longest delay
 */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("Backoff needs 0 <= base <= max, got " + base + " and " + max);
    }
  }

  /** The delay before the attempt after failed attempt number {@code attempt} (from 1). */
  public Duration after(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 30));
    Duration delay = base.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
  }
}
