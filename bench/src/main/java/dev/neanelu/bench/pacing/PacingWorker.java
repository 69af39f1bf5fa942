package dev.neanelu.bench.pacing;

import dev.neanelu.ratelimit.BucketLimits;
import dev.neanelu.ratelimit.RedisCostBucket;
import dev.neanelu.shopify.AdminApiEndpoint;
import dev.neanelu.shopify.CallObserver;
import dev.neanelu.shopify.GraphqlCaller;
import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.JdkGraphqlTransport;
import dev.neanelu.shopify.ShopifyException;
import dev.neanelu.tenant.ShopDomain;
import jakarta.json.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;

/**
 * One benchmark JVM: its own Redis pool and caller, {@code threads} threads issuing mixed-cost documents at one shop
 * until {@code seconds} have passed. Prints {@code calls=N throttled=N failures=N} on its last line.
 *
 * <p>Arguments: baseUrlTemplate shop accessToken bucketSize restoreRate seconds threads redisUrl seed
 */
public final class PacingWorker {

  private static final GraphqlDocument[] DOCUMENTS = {
    GraphqlDocument.load(PacingWorker.class, "PacedProducts"),
    GraphqlDocument.load(PacingWorker.class, "PacedProductsWithVariants")
  };

  private PacingWorker() {}

  public static void main(String[] args) throws Exception {
    ShopDomain shop = ShopDomain.parse(args[1]);
    String token = args[2];
    BucketLimits limits = new BucketLimits(Double.parseDouble(args[3]), Double.parseDouble(args[4]));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
    int threads = Integer.parseInt(args[6]);
    long seed = Long.parseLong(args[8]);
    AtomicLong calls = new AtomicLong();
    AtomicLong throttled = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    CallObserver observer =
        new CallObserver() {
          @Override
          public void throttled(String s, String document) {
            throttled.incrementAndGet();
          }
        };
    try (RedisClient redis = RedisClient.create(URI.create(args[7]))) {
      GraphqlCaller caller =
          new GraphqlCaller(
              new JdkGraphqlTransport(new AdminApiEndpoint(args[0], "2026-04"), Duration.ofSeconds(30)),
              new RedisCostBucket(redis),
              GraphqlCaller.Sleeper.THREAD,
              observer,
              Clock.systemUTC(),
              Duration.ofMinutes(2));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(seed * 1000 + t);
        pool.submit(() -> drive(caller, shop, limits, token, random, deadline, calls, failures));
      }
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.MINUTES);
    }
    System.out.println("calls=" + calls.get() + " throttled=" + throttled.get() + " failures=" + failures.get());
  }

  /** Page sizes 1 to 60: 3 to 62 points for plain pages, up to 20 × more requested for the variant pages. */
  private static void drive(
      GraphqlCaller caller,
      ShopDomain shop,
      BucketLimits limits,
      String token,
      SplittableRandom random,
      long deadline,
      AtomicLong calls,
      AtomicLong failures) {
    while (System.nanoTime() < deadline) {
      GraphqlDocument document = DOCUMENTS[random.nextInt(DOCUMENTS.length)];
      int first = document == DOCUMENTS[0] ? 1 + random.nextInt(60) : 1 + random.nextInt(8);
      try {
        caller.execute(shop, limits, token, document, Json.createObjectBuilder().add("first", first).build());
        calls.incrementAndGet();
      } catch (ShopifyException e) {
        failures.incrementAndGet();
      }
    }
  }
}
