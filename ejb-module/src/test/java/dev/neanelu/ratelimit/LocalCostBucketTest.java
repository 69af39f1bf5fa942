package dev.neanelu.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Leaky-bucket arithmetic on a controlled clock. Scenarios: a full bucket grants at once; a shortfall becomes a
 * debt with the exact wait (needed − available) / rate; restore over time, capped at the size; refunds; Shopify's
 * lower figure wins and its size and rate are adopted.
 */
class LocalCostBucketTest {

  private static final BucketLimits STANDARD = new BucketLimits(2000, 100);

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LocalCostBucket bucket = new LocalCostBucket(now::get);

  @Test
  void aFullBucketGrantsAtOnce() {
    assertThat(bucket.reserve("s", 1500, STANDARD)).isZero();
    assertThat(bucket.available("s", STANDARD)).isEqualTo(500);
  }

  @Test
  void aShortfallWaitsExactlyForTheRestore() {
    bucket.reserve("s", 1950, STANDARD);
    assertThat(bucket.reserve("s", 100, STANDARD)).isEqualTo(Duration.ofMillis(500));
    assertThat(bucket.reserve("s", 100, STANDARD)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void restoresOverTimeUpToTheSize() {
    bucket.reserve("s", 2000, STANDARD);
    now.addAndGet(3_000);
    assertThat(bucket.available("s", STANDARD)).isEqualTo(300);
    now.addAndGet(60_000);
    assertThat(bucket.available("s", STANDARD)).isEqualTo(2000);
  }

  @Test
  void refundsReturnUnusedPoints() {
    bucket.reserve("s", 1000, STANDARD);
    bucket.settle("s", 700, null, STANDARD);
    assertThat(bucket.available("s", STANDARD)).isEqualTo(1700);
  }

  @Test
  void shopifysLowerFigureWinsAndItsLimitsAreAdopted() {
    bucket.settle("s", 0, new ThrottleStatus(1000, 400, 50), STANDARD);
    assertThat(bucket.available("s", STANDARD)).isEqualTo(400);
    assertThat(bucket.reserve("s", 450, STANDARD)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shopifysHigherFigureDoesNotInflateOurs() {
    bucket.reserve("s", 1000, STANDARD);
    bucket.settle("s", 0, new ThrottleStatus(2000, 1900, 100), STANDARD);
    assertThat(bucket.available("s", STANDARD)).isEqualTo(1000);
  }
}
