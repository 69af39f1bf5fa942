package dev.neanelu.fairness;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * How one dispatcher works.
 *
 * @param owner this dispatcher's name in leases; unique per dispatcher instance (host, process, random part)
 * @param maxConcurrency the most items this dispatcher runs at once: its managed executor's maximum concurrency
 * @param caps the per-shop caps, counted across all dispatchers of the queue
 * @param lease how long a claim stays valid without a heartbeat
 * @param heartbeat how often held leases are renewed; well below {@code lease}
 * @param poll how often the queue is asked which shops have ready work (work enqueued in this JVM wakes it at once)
 *     and expired leases are reaped
 * @param capRecheck how soon to ask again for a shop that another JVM holds at its cap
 * @param backoff delays between attempts
 */
public record DispatcherSettings(
    String owner,
    int maxConcurrency,
    CapPolicy caps,
    Duration lease,
    Duration heartbeat,
    Duration poll,
    Duration capRecheck,
    Backoff backoff) {

  public DispatcherSettings {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(caps, "caps");
    Objects.requireNonNull(backoff, "backoff");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
    }
    if (heartbeat.compareTo(lease) >= 0) {
      throw new IllegalArgumentException("The heartbeat (" + heartbeat + ") must be shorter than the lease " + lease);
    }
    for (Duration d : new Duration[] {lease, heartbeat, poll, capRecheck}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("Durations must be positive, got " + d);
      }
    }
  }

  /** A lease owner name unique to this dispatcher: {@code label@host/pid/random}. */
  public static String uniqueOwner(String label) {
    String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
    String random = Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
    return label + "@" + host + "/" + ProcessHandle.current().pid() + "/" + random;
  }

  /** The application's defaults for a dispatcher of {@code maxConcurrency} workers and these caps. */
  public static DispatcherSettings defaults(String owner, int maxConcurrency, CapPolicy caps) {
    return new DispatcherSettings(
        owner,
        maxConcurrency,
        caps,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofMillis(200),
        new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)));
  }

  public DispatcherSettings withLease(Duration newLease, Duration newHeartbeat) {
    return new DispatcherSettings(owner, maxConcurrency, caps, newLease, newHeartbeat, poll, capRecheck, backoff);
  }

  public DispatcherSettings withPoll(Duration newPoll, Duration newCapRecheck) {
    return new DispatcherSettings(owner, maxConcurrency, caps, lease, heartbeat, newPoll, newCapRecheck, backoff);
  }

  public DispatcherSettings withBackoff(Backoff newBackoff) {
    return new DispatcherSettings(owner, maxConcurrency, caps, lease, heartbeat, poll, capRecheck, newBackoff);
  }
}
