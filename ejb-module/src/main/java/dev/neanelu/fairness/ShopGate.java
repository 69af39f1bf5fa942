package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a shop can use Shopify now: the seam through which the GraphQL client's limiter (an empty cost bucket) and
 * circuit breaker (open after repeated failures) keep the dispatcher from starting work that would only wait. A
 * blocked shop loses its turns until the instant returned; other shops keep going. Its items stay queued, untouched.
 *
 * <p>Implementations are CDI beans ({@code @ApplicationScoped}); {@link FairDispatch} consults all of them and a shop
 * is blocked until the latest instant any of them returns. With none, no shop is ever blocked. Called once per turn
 * of a shop, on the dispatcher's thread: answer from memory (or one Redis read), never from Shopify.
 */
@FunctionalInterface
public interface ShopGate {

  /** A gate that never blocks. */
  ShopGate OPEN = tenant -> Optional.empty();

  /** The instant until which {@code tenant} should start no work, or empty if it may start now. */
  Optional<Instant> blockedUntil(TenantId tenant);
}
