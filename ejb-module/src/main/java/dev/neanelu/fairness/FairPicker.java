package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Deficit round robin over the shops with ready work (Shreedhar and Varghese, 1995), the dispatcher's notion of
 * fairness.
 *
 * <p>Active shops form a ring. The shop at the head of the ring holds the turn: when a turn starts it earns {@code
 * quantum} credit, and it keeps the turn while its credit (its <em>deficit counter</em>) is positive; each item it
 * starts is charged against the credit after the fact ({@link #charge}), so an expensive item can drive the credit
 * negative and the shop then sits out turns until it has paid. With unit costs and quantum 1 this is plain round
 * robin: a shop with 200,000 queued items gets the same one turn per round as a shop with five, so the small shop's
 * completion time depends on the number of active shops, not on the size of the big shop's backlog.
 *
 * <p>A shop that cannot run now (its Shopify bucket is empty, its circuit is open, it is at its concurrency cap) loses
 * its turn and earns nothing for it: credit is never hoarded while blocked, so unblocking causes no burst. A shop
 * whose queue ran empty leaves the ring with its credit; it rejoins at the tail.
 *
 * <p>Not thread-safe: the dispatcher's loop is its only user.
 */
public final class FairPicker implements TenantOrder {

  private final long quantum;
  private final Deque<TenantId> ring = new ArrayDeque<>();
  private final Map<TenantId, Long> deficit = new HashMap<>();
  /** Whether the head of the ring has earned its quantum in the current turn. */
  private boolean headCredited;

  /** Round robin: one item per turn. */
  public FairPicker() {
    this(1);
  }

  /**
   * @param quantum credit earned per turn; the number of unit-cost items a shop may start in a row
   */
  public FairPicker(long quantum) {
    if (quantum < 1) {
      throw new IllegalArgumentException("quantum must be at least 1, got " + quantum);
    }
    this.quantum = quantum;
  }

  @Override
  public void activate(TenantId tenant) {
    if (deficit.putIfAbsent(tenant, 0L) == null) {
      ring.addLast(tenant);
    }
  }

  @Override
  public void deactivate(TenantId tenant) {
    if (deficit.remove(tenant) != null) {
      if (tenant.equals(ring.peekFirst())) {
        headCredited = false;
      }
      ring.remove(tenant);
    }
  }

  @Override
  public Optional<TenantId> next(Predicate<TenantId> runnable) {
    Map<TenantId, Boolean> verdicts = new HashMap<>();
    int refusedInARow = 0;
    while (refusedInARow < ring.size()) {
      TenantId head = ring.peekFirst();
      if (!verdicts.computeIfAbsent(head, runnable::test)) {
        refusedInARow++;
        deficit.computeIfPresent(head, (t, credit) -> Math.min(credit, 0L)); // a lost turn earns nothing
        endTurn();
        continue;
      }
      refusedInARow = 0;
      if (!headCredited) {
        deficit.merge(head, quantum, Long::sum);
        headCredited = true;
      }
      if (deficit.get(head) > 0) {
        return Optional.of(head);
      }
      endTurn();
    }
    return Optional.empty();
  }

  @Override
  public void charge(TenantId tenant, long cost) {
    deficit.computeIfPresent(tenant, (t, credit) -> credit - cost);
  }

  @Override
  public boolean isEmpty() {
    return ring.isEmpty();
  }

  /** The shop's current credit; for tests and diagnostics. */
  long deficitOf(TenantId tenant) {
    return deficit.getOrDefault(tenant, 0L);
  }

  private void endTurn() {
    ring.addLast(ring.removeFirst());
    headCredited = false;
  }
}
