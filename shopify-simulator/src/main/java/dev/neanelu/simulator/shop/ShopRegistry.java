package dev.neanelu.simulator.shop;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** All shops of a simulator, by myshopify domain. */
public final class ShopRegistry {

  private final ConcurrentHashMap<String, Shop> byDomain = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(60_000_000_000L);
  private final Clock clock;

  public ShopRegistry(Clock clock) {
    this.clock = clock;
  }

  /** Creates a shop, replacing any earlier shop of that name with a fresh one. */
  public Shop create(String name, Plan plan, AppCredentials app) {
    String domain = Shop.domainOf(name);
    Shop shop = new Shop(ids.incrementAndGet(), domain, plan, app, clock);
    byDomain.put(domain, shop);
    return shop;
  }

  public Optional<Shop> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byDomain.get(Shop.domainOf(name)));
  }

  /** The shop of that name; {@link UnknownShopException} otherwise. */
  public Shop require(String name) {
    return find(name).orElseThrow(() -> new UnknownShopException(name));
  }

  public Optional<Shop> remove(String name) {
    return Optional.ofNullable(byDomain.remove(Shop.domainOf(name)));
  }

  public Collection<Shop> all() {
    return byDomain.values();
  }
}
