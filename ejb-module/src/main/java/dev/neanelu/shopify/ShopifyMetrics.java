package dev.neanelu.shopify;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-shop Admin API usage: calls, cost points spent, THROTTLED answers, time spent waiting for budget. Exported as
 * OpenTelemetry metrics (attribute {@code shop}) through MicroProfile Telemetry, and kept per JVM for the ops API.
 */
@ApplicationScoped
public class ShopifyMetrics implements CallObserver {

  private static final AttributeKey<String> SHOP = AttributeKey.stringKey("shop");

  @Inject Meter meter;

  private final Map<String, Usage> usage = new ConcurrentHashMap<>();
  private LongCounter calls;
  private DoubleCounter cost;
  private LongCounter throttled;
  private LongCounter waitedMillis;

  @PostConstruct
  void instruments() {
    calls = meter.counterBuilder("neanelu.shopify.calls").setDescription("Admin API calls").build();
    cost = meter.counterBuilder("neanelu.shopify.cost").ofDoubles().setDescription("Cost points spent").build();
    throttled = meter.counterBuilder("neanelu.shopify.throttled").setDescription("THROTTLED answers").build();
    waitedMillis =
        meter.counterBuilder("neanelu.shopify.waited").setUnit("ms").setDescription("Time waited for budget").build();
  }

  @Override
  public void called(String shop, String document, double actualCost) {
    Attributes attributes = Attributes.of(SHOP, shop);
    calls.add(1, attributes);
    cost.add(actualCost, attributes);
    Usage u = usage(shop);
    u.calls.increment();
    u.cost.add(actualCost);
  }

  @Override
  public void throttled(String shop, String document) {
    throttled.add(1, Attributes.of(SHOP, shop));
    usage(shop).throttled.increment();
  }

  @Override
  public void waited(String shop, Duration wait) {
    waitedMillis.add(wait.toMillis(), Attributes.of(SHOP, shop));
    usage(shop).waitedMillis.add(wait.toMillis());
  }

  /** This JVM's counters for a shop since start. */
  public Map<String, Number> usageOf(String shop) {
    Usage u = usage(shop);
    return Map.of(
        "calls", u.calls.sum(),
        "costSpent", u.cost.sum(),
        "throttled", u.throttled.sum(),
        "waitedMillis", u.waitedMillis.sum());
  }

  private Usage usage(String shop) {
    return usage.computeIfAbsent(shop, s -> new Usage());
  }

  private static final class Usage {
    final LongAdder calls = new LongAdder();
    final DoubleAdder cost = new DoubleAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder waitedMillis = new LongAdder();
  }
}
