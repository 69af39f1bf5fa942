package dev.neanelu.shopify;

import dev.neanelu.fairness.ShopGate;
import dev.neanelu.ratelimit.CostBucket;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the fair dispatcher when a shop cannot use Shopify now: its circuit is open, or its cost bucket is spent
 * (reservations already wait on it). Work for that shop would only sit waiting, so the dispatcher gives its turn
 * to others until the bucket has restored. Answers from memory and one bucket read; shops are cached by id.
 */
@ApplicationScoped
public class ShopifyShopGate implements ShopGate {

  /** Below this many points a shop's next call would wait anyway. */
  private static final double MIN_AVAILABLE = 1;

  @Inject ShopRegistry registry;
  @Inject CostBucket bucket;
  @Inject ShopCircuitBreakers circuits;

  private final Map<TenantId, Shop> shops = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  @Override
  public Optional<Instant> blockedUntil(TenantId tenant) {
    Shop shop = shops.computeIfAbsent(tenant, id -> registry.find(id).orElse(null));
    if (shop == null) {
      return Optional.empty();
    }
    Optional<Instant> circuit = circuits.openUntil(shop.domain());
    Optional<Instant> budget = budget(shop);
    if (circuit.isPresent() && budget.isPresent()) {
      return circuit.get().isAfter(budget.get()) ? circuit : budget;
    }
    return circuit.isPresent() ? circuit : budget;
  }

  private Optional<Instant> budget(Shop shop) {
    double available = bucket.available(shop.domain().value(), ShopifyClient.limitsOf(shop));
    if (available >= MIN_AVAILABLE) {
      return Optional.empty();
    }
    double seconds = (MIN_AVAILABLE - available) / shop.plan().restorePerSecond();
    return Optional.of(clock.instant().plus(Duration.ofMillis((long) Math.ceil(seconds * 1000))));
  }
}
