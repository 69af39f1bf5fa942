package dev.neanelu.shopify;

import dev.neanelu.ratelimit.BucketLimits;
import dev.neanelu.ratelimit.CostBucket;
import dev.neanelu.ratelimit.QueryCostEstimator;
import dev.neanelu.tenant.ShopDomain;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends GraphQL documents to a shop at the pace its cost bucket allows. Plain Java (the CDI facade
 * {@link ShopifyClient} composes it with tokens, fault tolerance and metrics; benchmarks and tests use it directly).
 *
 * <p>Per call: take the document's requested cost (Shopify's own figure from an earlier call of the same document
 * and variables, else the local estimate), refuse it locally above 1000, reserve it in the bucket and wait exactly
 * the time the bucket names, send, then refund requested minus actual and adopt Shopify's throttle status. THROTTLED
 * (an HTTP 200!) and 429 are waited out and retried within {@code maxTotalWait}; every other failure is thrown typed.
 */
public final class GraphqlCaller {

  /** Blocks the calling thread; injectable so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps the current thread (millisecond precision is what the restore rate needs). */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  private static final int REMEMBERED_COSTS = 10_000;

  private final GraphqlTransport transport;
  private final CostBucket bucket;
  private final QueryCostEstimator estimator = new QueryCostEstimator();
  private final Map<String, Double> requestedCosts = new ConcurrentHashMap<>();
  private final Sleeper sleeper;
  private final CallObserver observer;
  private final Clock clock;
  private final Duration maxTotalWait;

  public GraphqlCaller(
      GraphqlTransport transport,
      CostBucket bucket,
      Sleeper sleeper,
      CallObserver observer,
      Clock clock,
      Duration maxTotalWait) {
    this.transport = transport;
    this.bucket = bucket;
    this.sleeper = sleeper;
    this.observer = observer;
    this.clock = clock;
    this.maxTotalWait = maxTotalWait;
  }

  /**
   * @return the response's {@code data}
   * @throws ShopifyException typed by cause; nothing else escapes except programming errors
   */
  public JsonObject execute(
      ShopDomain shop, BucketLimits limits, String accessToken, GraphqlDocument document, JsonObject variables) {
    String where = document.name() + " on " + shop;
    String costKey = document.name() + variables;
    double cost = requestedCost(document, variables, costKey);
    String body = Json.createObjectBuilder().add("query", document.text()).add("variables", variables).build().toString();
    Instant deadline = clock.instant().plus(maxTotalWait);
    while (true) {
      pause(shop, bucket.reserve(shop.value(), cost, limits), deadline, cost, limits, where);
      GraphqlResponse response = send(shop, accessToken, body, cost, limits, where, deadline);
      if (response == null || response.throttled()) {
        observer.throttled(shop.value(), document.name());
        continue;
      }
      return settled(shop, document, costKey, cost, limits, response, where);
    }
  }

  /** Sends once; null when a 429 was waited out and the call must be reserved and sent again. */
  private GraphqlResponse send(
      ShopDomain shop, String token, String body, double cost, BucketLimits limits, String where, Instant deadline) {
    try {
      GraphqlResponse response = GraphqlResponse.parse(transport.post(shop, token, body), where);
      if (response.throttled()) {
        // Not executed: Shopify took nothing. Its status lowers our estimate, so the next reservation waits right.
        bucket.settle(shop.value(), cost, response.throttle(), limits);
      }
      return response;
    } catch (ShopifyRateLimitedException e) {
      bucket.settle(shop.value(), cost, null, limits);
      pause(shop, e.retryAfter(), deadline, 0, limits, where);
      return null;
    } catch (ShopifyException e) {
      bucket.settle(shop.value(), cost, null, limits);
      throw e;
    }
  }

  private JsonObject settled(
      ShopDomain shop,
      GraphqlDocument document,
      String costKey,
      double cost,
      BucketLimits limits,
      GraphqlResponse response,
      String where) {
    double actual = response.actualCost() != null ? response.actualCost() : cost;
    bucket.settle(shop.value(), Math.max(0, cost - actual), response.throttle(), limits);
    if (response.requestedCost() != null) {
      remember(costKey, response.requestedCost());
    }
    observer.called(shop.value(), document.name(), actual);
    if (!response.errors().isEmpty()) {
      throw new ShopifyQueryException("Shopify rejected " + where + ": " + response.messages(), response.codes());
    }
    return response.data() == null ? JsonObject.EMPTY_JSON_OBJECT : response.data();
  }

  private double requestedCost(GraphqlDocument document, JsonObject variables, String costKey) {
    Double known = requestedCosts.get(costKey);
    double cost = known != null ? known : estimator.estimate(document.text(), plain(variables));
    if (cost > QueryCostEstimator.MAX_QUERY_COST) {
      throw new ShopifyQueryException(
          document.name() + " requests " + (long) cost + " cost points; Shopify refuses more than "
              + QueryCostEstimator.MAX_QUERY_COST + " per query (ask for smaller pages)",
          java.util.List.of("MAX_COST_EXCEEDED"));
    }
    return cost;
  }

  private void remember(String costKey, double requested) {
    if (requestedCosts.size() >= REMEMBERED_COSTS) {
      requestedCosts.clear();
    }
    requestedCosts.put(costKey, requested);
  }

  /** Waits {@code wait}, unless that would pass the deadline: then gives the reservation back and gives up. */
  private void pause(ShopDomain shop, Duration wait, Instant deadline, double reserved, BucketLimits limits, String where) {
    if (wait.isZero()) {
      return;
    }
    if (clock.instant().plus(wait).isAfter(deadline)) {
      bucket.settle(shop.value(), reserved, null, limits);
      throw new ShopifyThrottledException(
          "Gave up on " + where + ": the shop's API budget would need another " + wait.toMillis() + " ms");
    }
    observer.waited(shop.value(), wait);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      bucket.settle(shop.value(), reserved, null, limits);
      Thread.currentThread().interrupt();
      throw new ShopifyTransientException("Interrupted while waiting to call " + where, e);
    }
  }

  private static Map<String, Object> plain(JsonObject variables) {
    Map<String, Object> plain = new java.util.HashMap<>();
    variables.forEach(
        (name, value) -> {
          if (value instanceof jakarta.json.JsonNumber n) {
            plain.put(name, n.intValue());
          }
        });
    return plain;
  }
}
