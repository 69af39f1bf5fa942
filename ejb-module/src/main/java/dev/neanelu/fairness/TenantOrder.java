package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The order in which shops with ready work get turns. {@link FairPicker} is the order the application uses; the
 * benchmark also runs a FIFO order through the same {@link Dispatcher} for comparison. Used by one thread only (the
 * dispatcher's loop).
 */
public interface TenantOrder {

  /** {@code tenant} has ready work; adding a tenant that is already active changes nothing. */
  void activate(TenantId tenant);

  /** {@code tenant}'s queue turned out empty: it leaves the rotation until activated again. */
  void deactivate(TenantId tenant);

  /**
   * The tenant whose turn it is, among those {@code runnable} accepts; tenants it refuses lose their turn.
   *
   * @return empty when no active tenant is runnable
   */
  Optional<TenantId> next(Predicate<TenantId> runnable);

  /** {@code tenant} started work of this cost (1 for an ordinary item). */
  void charge(TenantId tenant, long cost);

  /** Whether no tenant is active. */
  boolean isEmpty();
}
