package dev.neanelu.simulator.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.simulator.SimulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Leaky bucket arithmetic on a frozen clock.
 *
 * <ul>
 *   <li>Shopify's documented example: 1000 points, 50/s, requested 101, actual 46: 954 left;
 *   <li>a request larger than what is left is refused and takes nothing;
 *   <li>refill is restoreRate per second and stops at the maximum.
 * </ul>
 */
class LeakyBucketTest {

  private final SimulatorClock clock =
      new SimulatorClock(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void documentedExampleLeaves954() {
    LeakyBucket bucket = new LeakyBucket(clock, 1000, 50);
    assertThat(bucket.tryTake(101)).isTrue();
    bucket.refund(101 - 46);
    assertThat(bucket.status()).isEqualTo(new ThrottleStatus(1000, 954, 50));
  }

  @Test
  void refusesWhatItDoesNotHold() {
    LeakyBucket bucket = new LeakyBucket(clock, 100, 10);
    assertThat(bucket.tryTake(90)).isTrue();
    assertThat(bucket.tryTake(11)).isFalse();
    assertThat(bucket.status().currentlyAvailable()).isEqualTo(10);
  }

  @Test
  void refillsAtRestoreRateUpToMaximum() {
    LeakyBucket bucket = new LeakyBucket(clock, 100, 10);
    bucket.tryTake(100);
    clock.advance(Duration.ofMillis(2500));
    assertThat(bucket.status().currentlyAvailable()).isEqualTo(25);
    clock.advance(Duration.ofMinutes(5));
    assertThat(bucket.status().currentlyAvailable()).isEqualTo(100);
  }
}
