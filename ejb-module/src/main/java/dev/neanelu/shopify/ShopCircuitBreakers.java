package dev.neanelu.shopify;

import dev.neanelu.tenant.ShopDomain;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit per shop. MicroProfile Fault Tolerance keeps one circuit per method, so one shop answering 5xx would
 * stop every shop's calls; here a shop's circuit opens after {@value #FAILURES_TO_OPEN} consecutive transient
 * failures, stays open {@link #OPEN_FOR}, then lets one trial call through (half-open): success closes it, failure
 * opens it again. Other shops are untouched. Per JVM: each instance learns about a broken shop on its own.
 */
@ApplicationScoped
public class ShopCircuitBreakers {

  static final int FAILURES_TO_OPEN = 5;
  static final Duration OPEN_FOR = Duration.ofSeconds(30);

  private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
  private final Clock clock;

  public ShopCircuitBreakers() {
    this(Clock.systemUTC());
  }

  ShopCircuitBreakers(Clock clock) {
    this.clock = clock;
  }

  /** @throws ShopCircuitOpenException if the shop's circuit is open and no trial call is due */
  public void admit(ShopDomain shop) {
    Circuit circuit = circuits.get(shop.value());
    if (circuit != null) {
      circuit.admit(shop, clock.instant());
    }
  }

  public void succeeded(ShopDomain shop) {
    circuits.remove(shop.value());
  }

  public void failed(ShopDomain shop) {
    circuits.computeIfAbsent(shop.value(), s -> new Circuit()).failed(clock.instant());
  }

  /** When the shop's circuit lets calls through again; empty when it is closed. */
  public Optional<Instant> openUntil(ShopDomain shop) {
    Circuit circuit = circuits.get(shop.value());
    return circuit == null ? Optional.empty() : circuit.openUntil(clock.instant());
  }

  private static final class Circuit {
    private int consecutiveFailures;
    private Instant openUntil;
    private boolean trialInFlight;

    synchronized void admit(ShopDomain shop, Instant now) {
      if (openUntil == null) {
        return;
      }
      if (now.isBefore(openUntil) || trialInFlight) {
        throw new ShopCircuitOpenException(shop.value(), trialInFlight ? now.plus(OPEN_FOR) : openUntil);
      }
      trialInFlight = true;
    }

    synchronized void failed(Instant now) {
      consecutiveFailures++;
      trialInFlight = false;
      if (consecutiveFailures >= FAILURES_TO_OPEN) {
        openUntil = now.plus(OPEN_FOR);
      }
    }

    synchronized Optional<Instant> openUntil(Instant now) {
      return openUntil != null && now.isBefore(openUntil) ? Optional.of(openUntil) : Optional.empty();
    }
  }
}
