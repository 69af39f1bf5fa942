package dev.neanelu.fairness.internal;

import dev.neanelu.fairness.CapPolicy;
import dev.neanelu.fairness.Claim;
import dev.neanelu.fairness.DeadLetter;
import dev.neanelu.fairness.WorkItem;
import dev.neanelu.fairness.WorkQueue;
import dev.neanelu.tenant.ShopPlan;
import dev.neanelu.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link WorkQueue} in this JVM's memory, with the same semantics as the PostgreSQL one (per-shop partitions in id
 * order, caps counted over unexpired leases, fenced settling, backoff, reaping). Every shop is on the standard plan.
 * For the benchmark and unit tests: it shares nothing between JVMs and forgets everything on exit.
 */
public final class InMemoryWorkQueue implements WorkQueue {

  private final Clock clock;
  private long nextId = 1;
  /** Items waiting to run, by shop, in id order (including those waiting out a backoff). */
  private final Map<TenantId, TreeMap<Long, Entry>> waiting = new LinkedHashMap<>();
  private final Map<Long, Entry> running = new HashMap<>();
  private final Map<TenantId, Integer> capOverrides = new HashMap<>();
  private final List<DeadLetter> dead = new ArrayList<>();

  public InMemoryWorkQueue(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized long enqueue(TenantId tenant, String kind, String payload, int maxAttempts) {
    Entry e = new Entry(nextId++, tenant, kind, payload, maxAttempts, clock.instant());
    waiting.computeIfAbsent(tenant, t -> new TreeMap<>()).put(e.id, e);
    return e.id;
  }

  @Override
  public synchronized List<TenantId> readyShops() {
    Instant now = clock.instant();
    List<TenantId> ready = new ArrayList<>();
    waiting.forEach(
        (tenant, items) -> {
          if (firstDue(items, now) != null) {
            ready.add(tenant);
          }
        });
    return ready;
  }

  @Override
  public synchronized Claim claim(TenantId tenant, String owner, Duration lease, CapPolicy caps) {
    Instant now = clock.instant();
    int cap = capOverrides.getOrDefault(tenant, caps.capFor(ShopPlan.STANDARD));
    long held = running.values().stream().filter(e -> e.tenant.equals(tenant) && e.leaseExpiresAt.isAfter(now)).count();
    if (held >= cap) {
      return Claim.atCap();
    }
    TreeMap<Long, Entry> items = waiting.get(tenant);
    Entry e = items == null ? null : firstDue(items, now);
    if (e == null) {
      return Claim.empty();
    }
    items.remove(e.id);
    e.attempts++;
    e.owner = owner;
    e.leaseExpiresAt = now.plus(lease);
    running.put(e.id, e);
    return Claim.claimed(e.toItem());
  }

  @Override
  public synchronized Set<Long> renew(String owner, Collection<Long> ids, Duration lease) {
    Set<Long> kept = new HashSet<>();
    Instant until = clock.instant().plus(lease);
    for (Long id : ids) {
      Entry e = running.get(id);
      if (e != null && owner.equals(e.owner)) {
        e.leaseExpiresAt = until;
        kept.add(id);
      }
    }
    return kept;
  }

  @Override
  public synchronized boolean complete(WorkItem item, String owner) {
    return release(item, owner) != null;
  }

  @Override
  public synchronized boolean retry(WorkItem item, String owner, String error, Instant notBefore) {
    Entry e = release(item, owner);
    if (e == null) {
      return false;
    }
    e.lastError = error;
    e.notBefore = notBefore;
    waiting.computeIfAbsent(e.tenant, t -> new TreeMap<>()).put(e.id, e);
    return true;
  }

  @Override
  public synchronized boolean bury(WorkItem item, String owner, String error) {
    Entry e = release(item, owner);
    if (e == null) {
      return false;
    }
    e.lastError = error;
    dead.add(e.toDeadLetter(clock.instant()));
    return true;
  }

  @Override
  public synchronized int reapExpiredLeases() {
    Instant now = clock.instant();
    List<Entry> expired = running.values().stream().filter(e -> !e.leaseExpiresAt.isAfter(now)).toList();
    for (Entry e : expired) {
      running.remove(e.id);
      e.lastError = "Lease of " + e.owner + " expired during attempt " + e.attempts;
      e.owner = null;
      if (e.attempts >= e.maxAttempts) {
        dead.add(e.toDeadLetter(now));
      } else {
        e.notBefore = now;
        waiting.computeIfAbsent(e.tenant, t -> new TreeMap<>()).put(e.id, e);
      }
    }
    return expired.size();
  }

  @Override
  public synchronized void setCap(TenantId tenant, Optional<Integer> cap) {
    cap.ifPresentOrElse(c -> capOverrides.put(tenant, c), () -> capOverrides.remove(tenant));
  }

  @Override
  public synchronized List<DeadLetter> deadLetters(Optional<TenantId> tenant, int limit) {
    return dead.stream()
        .filter(d -> tenant.map(d.tenant()::equals).orElse(true))
        .sorted(Comparator.comparing(DeadLetter::diedAt).reversed())
        .limit(limit)
        .toList();
  }

  /** The id of {@code tenant}'s oldest waiting item: what a FIFO order across shops compares. */
  public synchronized OptionalLong oldestWaiting(TenantId tenant) {
    TreeMap<Long, Entry> items = waiting.get(tenant);
    return items == null || items.isEmpty() ? OptionalLong.empty() : OptionalLong.of(items.firstKey());
  }

  /** Removes the running entry if {@code owner} still holds this attempt's lease. */
  private Entry release(WorkItem item, String owner) {
    Entry e = running.get(item.id());
    if (e == null || !owner.equals(e.owner) || e.attempts != item.attempt()) {
      return null;
    }
    running.remove(e.id);
    e.owner = null;
    return e;
  }

  private static Entry firstDue(TreeMap<Long, Entry> items, Instant now) {
    for (Entry e : items.values()) {
      if (!e.notBefore.isAfter(now)) {
        return e;
      }
    }
    return null;
  }

  /** One item's mutable state; guarded by the queue's monitor. */
  private static final class Entry {
    final long id;
    final TenantId tenant;
    final String kind;
    final String payload;
    final int maxAttempts;
    final Instant enqueuedAt;
    int attempts;
    String owner;
    Instant leaseExpiresAt;
    Instant notBefore;
    String lastError;

    Entry(long id, TenantId tenant, String kind, String payload, int maxAttempts, Instant enqueuedAt) {
      this.id = id;
      this.tenant = tenant;
      this.kind = kind;
      this.payload = payload;
      this.maxAttempts = maxAttempts;
      this.enqueuedAt = enqueuedAt;
      this.notBefore = enqueuedAt;
    }

    WorkItem toItem() {
      return new WorkItem(id, tenant, kind, payload, attempts, maxAttempts);
    }

    DeadLetter toDeadLetter(Instant diedAt) {
      return new DeadLetter(id, "memory", tenant, null, kind, payload, attempts, lastError, enqueuedAt, diedAt);
    }
  }
}
