package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One queue of per-shop work, partitioned by shop, shared by every dispatcher that serves it (in PostgreSQL for the
 * application, in memory for the benchmark and unit tests).
 *
 * <p>Settling calls ({@link #complete}, {@link #retry}, {@link #bury}) are fenced: they take effect only while the
 * caller still holds the item's lease for that attempt. A dispatcher that lost its lease (it stalled past the expiry
 * and another one claimed the item) therefore cannot record a second outcome; they return false.
 */
public interface WorkQueue {

  /** Adds an item to {@code tenant}'s partition; returns its id. */
  long enqueue(TenantId tenant, String kind, String payload, int maxAttempts);

  /** The shops that have at least one item claimable now. */
  List<TenantId> readyShops();

  /**
   * Leases {@code tenant}'s oldest claimable item to {@code owner}, unless the shop already runs as many items as its
   * cap allows (its own override if set, else {@code caps} for its plan) under unexpired leases of any owner.
   */
  Claim claim(TenantId tenant, String owner, Duration lease, CapPolicy caps);

  /**
   * Extends the leases {@code owner} holds on {@code ids}.
   *
   * @return the ids whose lease was extended; the others were lost
   */
  Set<Long> renew(String owner, Collection<Long> ids, Duration lease);

  /** Records success. */
  boolean complete(WorkItem item, String owner);

  /** Returns the item to its partition, claimable from {@code notBefore}, keeping {@code error}. */
  boolean retry(WorkItem item, String owner, String error, Instant notBefore);

  /** Makes the item a dead letter with {@code error}. */
  boolean bury(WorkItem item, String owner, String error);

  /**
   * Returns running items whose lease expired (their dispatcher died or stalled) to their partitions, or makes them
   * dead letters if that was their last attempt.
   *
   * @return how many items were returned or buried
   */
  int reapExpiredLeases();

  /** Sets {@code tenant}'s own concurrency cap; empty restores its plan's default. */
  void setCap(TenantId tenant, Optional<Integer> cap);

  /** The newest dead letters first, of one shop or of all. */
  List<DeadLetter> deadLetters(Optional<TenantId> tenant, int limit);
}
