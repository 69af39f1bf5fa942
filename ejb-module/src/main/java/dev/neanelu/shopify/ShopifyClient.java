package dev.neanelu.shopify;

import dev.neanelu.ratelimit.BucketLimits;
import dev.neanelu.ratelimit.CostBucket;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The one way the application talks to a shop's Admin GraphQL API.
 *
 * <p>{@link #execute} returns {@code data} or throws a typed {@link ShopifyException}: throttling is waited out
 * inside (budget-paced, see {@link GraphqlCaller}); a refused token is replaced once through {@link AccessTokens};
 * transient faults are retried by MicroProfile Fault Tolerance and counted against the shop's own circuit
 * ({@link ShopCircuitBreakers}), so one broken shop never stalls the others.
 */
@ApplicationScoped
public class ShopifyClient {

  /** The longest a call waits for its shop's budget before giving up with {@link ShopifyThrottledException}. */
  private static final Duration MAX_BUDGET_WAIT = Duration.ofMinutes(2);

  @Inject ShopRegistry shops;
  @Inject AccessTokens tokens;
  @Inject CostBucket bucket;
  @Inject ShopCircuitBreakers circuits;
  @Inject ShopifyMetrics metrics;
  @Inject RestClientGraphqlTransport transport;

  private GraphqlCaller caller;

  @PostConstruct
  void init() {
    caller =
        new GraphqlCaller(transport, bucket, GraphqlCaller.Sleeper.THREAD, metrics, Clock.systemUTC(), MAX_BUDGET_WAIT);
  }

  /**
   * Runs {@code document} with {@code variables} against {@code shop}.
   *
   * @throws ShopifyException typed: auth, throttled, shop unavailable, query rejected, transient, circuit open
   */
  @Retry(
      maxRetries = 3,
      delay = 500,
      jitter = 250,
      maxDuration = 30,
      durationUnit = ChronoUnit.SECONDS,
      retryOn = ShopifyTransientException.class)
  @Bulkhead(64)
  public JsonObject execute(ShopDomain shop, GraphqlDocument document, JsonObject variables) {
    Shop registered = shops.find(shop).orElseThrow(() -> new ShopifyAuthException("Shop " + shop + " is not registered"));
    circuits.admit(shop);
    try {
      JsonObject data = callWithTokenRenewal(registered, document, variables);
      circuits.succeeded(shop);
      return data;
    } catch (ShopifyTransientException e) {
      circuits.failed(shop);
      throw e;
    } catch (FaultToleranceException e) {
      circuits.failed(shop);
      throw new ShopifyTransientException("Call to " + shop + " timed out or was refused: " + e.getMessage(), e);
    }
  }

  /** The bucket limits of a shop's plan, until Shopify's own throttle status replaces them. */
  public static BucketLimits limitsOf(Shop shop) {
    return new BucketLimits(shop.plan().bucketSize(), shop.plan().restorePerSecond());
  }

  private JsonObject callWithTokenRenewal(Shop shop, GraphqlDocument document, JsonObject variables) {
    String token = tokens.accessToken(shop);
    try {
      return caller.execute(shop.domain(), limitsOf(shop), token, document, variables);
    } catch (ShopifyAuthException e) {
      String renewed = tokens.afterRejection(shop, token);
      return caller.execute(shop.domain(), limitsOf(shop), renewed, document, variables);
    }
  }
}
