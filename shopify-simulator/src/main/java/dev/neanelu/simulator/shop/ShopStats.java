package dev.neanelu.simulator.shop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters tests assert on: calls, cost spent, throttles, refreshes, injected faults, webhook
 * deliveries.
 */
public final class ShopStats {

  public final AtomicLong graphqlCalls = new AtomicLong();
  public final AtomicLong costUsed = new AtomicLong();
  public final AtomicLong throttled = new AtomicLong();
  public final AtomicLong maxCostExceeded = new AtomicLong();
  public final AtomicLong unauthorized = new AtomicLong();
  public final AtomicLong injectedServerErrors = new AtomicLong();
  public final AtomicLong tokenRefreshes = new AtomicLong();
  public final AtomicLong tokenRefreshFailures = new AtomicLong();
  public final AtomicLong tokenExchanges = new AtomicLong();
  public final AtomicLong authorizationCodeGrants = new AtomicLong();
  public final AtomicLong bulkQueries = new AtomicLong();
  public final AtomicLong bulkMutations = new AtomicLong();
  public final AtomicLong downloads = new AtomicLong();
  public final AtomicLong uploads = new AtomicLong();
  public final AtomicLong webhookAttempts = new AtomicLong();
  public final AtomicLong webhooksDelivered = new AtomicLong();
  public final AtomicLong webhooksFailed = new AtomicLong();

  public Map<String, Long> toMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("graphqlCalls", graphqlCalls.get());
    m.put("costUsed", costUsed.get());
    m.put("throttled", throttled.get());
    m.put("maxCostExceeded", maxCostExceeded.get());
    m.put("unauthorized", unauthorized.get());
    m.put("injectedServerErrors", injectedServerErrors.get());
    m.put("tokenRefreshes", tokenRefreshes.get());
    m.put("tokenRefreshFailures", tokenRefreshFailures.get());
    m.put("tokenExchanges", tokenExchanges.get());
    m.put("authorizationCodeGrants", authorizationCodeGrants.get());
    m.put("bulkQueries", bulkQueries.get());
    m.put("bulkMutations", bulkMutations.get());
    m.put("downloads", downloads.get());
    m.put("uploads", uploads.get());
    m.put("webhookAttempts", webhookAttempts.get());
    m.put("webhooksDelivered", webhooksDelivered.get());
    m.put("webhooksFailed", webhooksFailed.get());
    return m;
  }
}
