package dev.neanelu.bench;

import dev.neanelu.fairness.TenantOrder;
import dev.neanelu.fairness.internal.InMemoryWorkQueue;
import dev.neanelu.tenant.TenantId;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Optional;

/**
 * The comparison order: plain FIFO across shops. The shop whose oldest waiting item was enqueued first goes next,
 * whatever it already runs; only shops the dispatcher refuses (at cap, blocked) are passed over.
 */
final class FifoOrder implements TenantOrder {

  private final InMemoryWorkQueue queue;
  private final Set<TenantId> active = new LinkedHashSet<>();

  FifoOrder(InMemoryWorkQueue queue) {
    this.queue = queue;
  }

  @Override
  public void activate(TenantId tenant) {
    active.add(tenant);
  }

  @Override
  public void deactivate(TenantId tenant) {
    active.remove(tenant);
  }

  @Override
  public Optional<TenantId> next(Predicate<TenantId> runnable) {
    TenantId oldest = null;
    long oldestId = Long.MAX_VALUE;
    for (TenantId tenant : active) {
      OptionalLong head = queue.oldestWaiting(tenant);
      if (head.isPresent() && head.getAsLong() < oldestId && runnable.test(tenant)) {
        oldest = tenant;
        oldestId = head.getAsLong();
      }
    }
    return Optional.ofNullable(oldest);
  }

  @Override
  public void charge(TenantId tenant, long cost) {
    // FIFO keeps no account.
  }

  @Override
  public boolean isEmpty() {
    return active.isEmpty();
  }
}
