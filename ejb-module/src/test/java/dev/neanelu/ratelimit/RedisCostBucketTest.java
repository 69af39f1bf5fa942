package dev.neanelu.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The Lua bucket against the real Redis (REDIS_URL, default redis://127.0.0.1:6379) gives the same answers as the
 * in-JVM one: grant, debt with exact wait, refund, Shopify's view; two clients (separate pools) share one bucket.
 */
class RedisCostBucketTest {

  private static final BucketLimits LIMITS = new BucketLimits(1000, 100);
  private static final URI REDIS = URI.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));

  private final RedisClient first = RedisClient.create(REDIS);
  private final RedisClient second = RedisClient.create(REDIS);
  private final String shop = "bucket-test-" + UUID.randomUUID();

  @AfterEach
  void close() {
    first.del("neanelu:cost-bucket:" + shop);
    first.close();
    second.close();
  }

  @Test
  void reservationsFromTwoClientsDrawOnOneBucket() {
    RedisCostBucket a = new RedisCostBucket(first);
    RedisCostBucket b = new RedisCostBucket(second);
    assertThat(a.reserve(shop, 600, LIMITS)).isZero();
    Duration wait = b.reserve(shop, 600, LIMITS);
    // 200 points short at 100/s: about two seconds (less whatever restored between the two calls)
    assertThat(wait).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    assertThat(a.available(shop, LIMITS)).isBetween(-200.0, -100.0);
  }

  @Test
  void refundsAndShopifysViewApply() {
    RedisCostBucket bucket = new RedisCostBucket(first);
    bucket.reserve(shop, 500, LIMITS);
    bucket.settle(shop, 300, null, LIMITS);
    assertThat(bucket.available(shop, LIMITS)).isBetween(800.0, 900.0);
    bucket.settle(shop, 0, new ThrottleStatus(2000, 100, 50), LIMITS);
    assertThat(bucket.available(shop, LIMITS)).isBetween(100.0, 150.0);
    assertThat(bucket.reserve(shop, 200, LIMITS)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }
}
