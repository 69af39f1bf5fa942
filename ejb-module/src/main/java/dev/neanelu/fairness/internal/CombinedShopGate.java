package dev.neanelu.fairness.internal;

import dev.neanelu.fairness.ShopGate;
import dev.neanelu.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All gates the application has (the limiter's, the circuit breaker's): a shop is blocked until the latest instant
 * any of them names. With no gates at all, never blocked.
 */
public record CombinedShopGate(List<ShopGate> gates) implements ShopGate {

  public CombinedShopGate {
    gates = List.copyOf(gates);
  }

  @Override
  public Optional<Instant> blockedUntil(TenantId tenant) {
    Optional<Instant> latest = Optional.empty();
    for (ShopGate gate : gates) {
      Optional<Instant> until = gate.blockedUntil(tenant);
      if (until.isPresent() && (latest.isEmpty() || until.get().isAfter(latest.get()))) {
        latest = until;
      }
    }
    return latest;
  }
}
