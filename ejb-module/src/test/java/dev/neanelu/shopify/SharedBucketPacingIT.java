package dev.neanelu.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.ratelimit.BucketLimits;
import dev.neanelu.ratelimit.RedisCostBucket;
import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import dev.neanelu.tenant.ShopDomain;
import jakarta.json.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Two independent client stacks (separate Redis pools, as two JVMs would have) drive one simulated shop with a
 * deliberately small bucket (200 points, 1000/s restore) from 4 threads each, with mixed-cost documents.
 *
 * <ul>
 *   <li>the shared Redis bucket keeps the simulator's bucket from being overdrawn: THROTTLED answers stay at or below
 *       0.5% of calls;
 *   <li>every call completes (waits are computed, not failures);
 *   <li>the simulator's counters agree with the callers' (calls and cost).
 * </ul>
 */
class SharedBucketPacingIT {

  private static final URI REDIS = URI.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
  private static final GraphqlDocument PRODUCTS = GraphqlDocument.load(SharedBucketPacingIT.class, "PacingProducts");
  private static final int THREADS_PER_CLIENT = 4;
  private static final int CALLS_PER_THREAD = 25;

  private final ShopDomain shop = ShopDomain.parse("pacing-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com");
  private final List<RedisClient> pools = new ArrayList<>();
  private ShopifySimulator simulator;

  @BeforeEach
  void start() {
    simulator =
        ShopifySimulator.start(
            SimulatorOptions.defaults()
                .port(0)
                .shop(ShopSpec.named(shop.value()).accessToken("shpat_pacing").generate(300, 7).bucket(200, 1000)));
  }

  @AfterEach
  void stop() {
    pools.forEach(RedisClient::close);
    simulator.close();
  }

  @Test
  void twoClientStacksShareOneBucketWithoutThrottleStorms() throws Exception {
    AtomicInteger throttled = new AtomicInteger();
    CallObserver observer =
        new CallObserver() {
          @Override
          public void throttled(String s, String document) {
            throttled.incrementAndGet();
          }
        };
    List<Future<Integer>> results = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_CLIENT);
    for (int client = 0; client < 2; client++) {
      GraphqlCaller caller = callerWithOwnPool(observer);
      for (int t = 0; t < THREADS_PER_CLIENT; t++) {
        int seed = client * 100 + t;
        results.add(threads.submit(() -> drive(caller, seed)));
      }
    }
    int completed = 0;
    for (Future<Integer> result : results) {
      completed += result.get();
    }
    threads.shutdown();

    int calls = 2 * THREADS_PER_CLIENT * CALLS_PER_THREAD;
    assertThat(completed).isEqualTo(calls);
    assertThat(simulator.control().stats(shop.value()).graphqlCalls.get()).isEqualTo(calls + throttled.get());
    assertThat(simulator.control().stats(shop.value()).throttled.get()).isEqualTo(throttled.get());
    assertThat(throttled.get()).isLessThanOrEqualTo((int) Math.floor(calls * 0.005));
  }

  private GraphqlCaller callerWithOwnPool(CallObserver observer) {
    RedisClient pool = RedisClient.create(REDIS);
    pools.add(pool);
    return new GraphqlCaller(
        new JdkGraphqlTransport(new AdminApiEndpoint(simulator.baseUrlTemplate(), "2026-04"), Duration.ofSeconds(10)),
        new RedisCostBucket(pool),
        GraphqlCaller.Sleeper.THREAD,
        observer,
        Clock.systemUTC(),
        Duration.ofMinutes(1));
  }

  /** Mixed costs: pages of 5 to 50 products (7 to 52 points). */
  private int drive(GraphqlCaller caller, int seed) {
    int done = 0;
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
      int first = 5 + ((seed * 31 + i * 17) % 46);
      caller.execute(
          shop,
          new BucketLimits(200, 1000),
          "shpat_pacing",
          PRODUCTS,
          Json.createObjectBuilder().add("first", first).build());
      done++;
    }
    return done;
  }
}
