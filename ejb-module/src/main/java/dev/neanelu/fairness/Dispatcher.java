package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JVM's dispatcher for one {@link WorkQueue}: a single loop thread asks the {@link TenantOrder} whose turn it is,
 * claims one item of that shop and hands it to the worker pool, until the pool is full.
 *
 * <p>A shop loses its turn while its {@link ShopGate} blocks it, or after the queue answered that it is at its cap
 * (then until one of its items finishes here or {@code capRecheck} passes, since the slots may be held in another
 * JVM). At most {@code maxConcurrency} items run at once here; set it to the worker pool's maximum concurrency. The
 * same loop renews the leases of running items every {@code heartbeat}, and every {@code poll} reaps expired leases
 * and asks the queue which shops have ready work (work enqueued in this JVM is announced through {@link #wake}).
 *
 * <p>Plain Java with its executors passed in: the application gives it managed ones, the benchmark and unit tests
 * ordinary ones.
 */
public final class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final WorkQueue queue;
  private final TenantOrder order;
  private final ShopGate gate;
  private final WorkRunner runner;
  private final Executor workers;
  private final ThreadFactory loopThreads;
  private final DispatcherSettings settings;
  private final DispatchListener listener;
  private final Clock clock;

  // Written by workers and wake(), read by the loop.
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<TenantId> announced = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<TenantId> finished = new ConcurrentLinkedQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeup = lock.newCondition();
  private boolean signalled;
  private volatile boolean stopped = true;
  private Thread loop;

  // The loop's own state.
  private final Map<TenantId, Long> saturatedUntil = new HashMap<>();
  private long recheckAt;

  public Dispatcher(
      WorkQueue queue,
      TenantOrder order,
      ShopGate gate,
      WorkRunner runner,
      Executor workers,
      ThreadFactory loopThreads,
      DispatcherSettings settings,
      DispatchListener listener,
      Clock clock) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.order = Objects.requireNonNull(order, "order");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.workers = Objects.requireNonNull(workers, "workers");
    this.loopThreads = Objects.requireNonNull(loopThreads, "loopThreads");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts the loop thread. */
  public synchronized void start() {
    if (!stopped) {
      return;
    }
    stopped = false;
    loop = loopThreads.newThread(this::loop);
    loop.setName("fair-dispatch-" + settings.owner());
    loop.start();
    LOG.log(
        Level.INFO,
        "Dispatcher {0} started ({1} workers)",
        new Object[] {settings.owner(), settings.maxConcurrency()});
  }

  /**
   * Stops claiming and waits up to {@code timeoutMillis} for the loop to end. Running items finish and settle; an item
   * whose worker never returns keeps its lease until it expires, then runs elsewhere.
   */
  public void stop(long timeoutMillis) throws InterruptedException {
    Thread thread;
    synchronized (this) {
      stopped = true;
      thread = loop;
      loop = null;
    }
    signal();
    if (thread != null) {
      thread.join(timeoutMillis);
    }
  }

  /** Work was enqueued for {@code tenant} in this JVM: give it a turn without waiting for the next poll. */
  public void wake(TenantId tenant) {
    announced.add(tenant);
    signal();
  }

  /** The owner name this dispatcher holds leases under. */
  public String owner() {
    return settings.owner();
  }

  /** Items running here now. */
  public int runningCount() {
    return running.size();
  }

  private void loop() {
    long nextPoll = System.nanoTime();
    long nextHeartbeat = nextPoll + settings.heartbeat().toNanos();
    while (!stopped) {
      try {
        long now = System.nanoTime();
        drainAnnouncements();
        if (now - nextHeartbeat >= 0) {
          nextHeartbeat = now + settings.heartbeat().toNanos();
          heartbeat();
        }
        if (now - nextPoll >= 0) {
          nextPoll = now + settings.poll().toNanos();
          refresh();
        }
        if (running.size() < settings.maxConcurrency() && dispatchOne()) {
          continue;
        }
        long deadline = nextPoll - nextHeartbeat < 0 ? nextPoll : nextHeartbeat;
        await(recheckAt != 0 && recheckAt - deadline < 0 ? recheckAt : deadline);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Dispatcher " + settings.owner() + " failed a round; trying again after the poll", e);
        await(System.nanoTime() + settings.poll().toNanos());
      }
    }
    LOG.log(Level.INFO, "Dispatcher {0} stopped", settings.owner());
  }

  /**
   * Gives the next runnable shop's oldest item to a worker.
   *
   * @return false when no shop could be asked (none active or all blocked)
   */
  private boolean dispatchOne() {
    recheckAt = 0;
    Optional<TenantId> next = order.next(this::runnable);
    if (next.isEmpty()) {
      return false;
    }
    TenantId tenant = next.get();
    Claim claim = queue.claim(tenant, settings.owner(), settings.lease(), settings.caps());
    switch (claim.status()) {
      case CLAIMED -> {
        order.charge(tenant, 1);
        start(claim.item());
      }
      case AT_CAP -> saturatedUntil.put(tenant, System.nanoTime() + settings.capRecheck().toNanos());
      case EMPTY -> order.deactivate(tenant);
    }
    return true;
  }

  /** Whether {@code tenant} may start work now; notes when to look again if not. */
  private boolean runnable(TenantId tenant) {
    Long saturated = saturatedUntil.get(tenant);
    if (saturated != null) {
      if (saturated - System.nanoTime() > 0) {
        noteRecheck(saturated);
        return false;
      }
      saturatedUntil.remove(tenant);
    }
    Optional<Instant> blocked = blockedUntil(tenant);
    if (blocked.isPresent()) {
      Instant now = clock.instant();
      if (blocked.get().isAfter(now)) {
        long wait = Duration.between(now, blocked.get()).toNanos();
        noteRecheck(System.nanoTime() + Math.min(wait, settings.poll().toNanos()));
        return false;
      }
    }
    return true;
  }

  /** A failing gate must not stop every shop's work: it counts as open. */
  private Optional<Instant> blockedUntil(TenantId tenant) {
    try {
      return gate.blockedUntil(tenant);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Shop gate failed for " + tenant + "; treating the shop as runnable", e);
      return Optional.empty();
    }
  }

  private void noteRecheck(long at) {
    if (recheckAt == 0 || at - recheckAt < 0) {
      recheckAt = at;
    }
  }

  private void start(WorkItem item) {
    Running attempt = new Running(item);
    running.put(item.id(), attempt);
    try {
      workers.execute(() -> work(attempt));
    } catch (RejectedExecutionException e) {
      running.remove(item.id());
      LOG.log(Level.WARNING, "Worker pool refused item {0}; it goes back to its queue", item.id());
      queue.retry(item, settings.owner(), ErrorText.of(e), clock.instant());
    }
  }

  /** On a worker thread: runs the attempt and settles it (fenced by the lease). */
  private void work(Running attempt) {
    WorkItem item = attempt.item;
    attempt.bind(Thread.currentThread());
    Throwable failure = null;
    try {
      runner.run(item);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // the handler's failure, whatever its type, is this attempt's outcome
      failure = e;
    } finally {
      attempt.unbind();
    }
    try {
      DispatchListener.Outcome outcome = failure == null ? complete(item) : fail(item, failure);
      listener.settled(item, outcome);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not record the outcome of item " + item.id() + "; it runs again when its lease expires",
          e);
    } finally {
      running.remove(item.id());
      finished.add(item.tenant());
      signal();
    }
  }

  private DispatchListener.Outcome complete(WorkItem item) {
    if (queue.complete(item, settings.owner())) {
      return DispatchListener.Outcome.COMPLETED;
    }
    return leaseLost(item);
  }

  private DispatchListener.Outcome fail(WorkItem item, Throwable failure) {
    String error = ErrorText.of(failure);
    if (item.isLastAttempt()) {
      LOG.log(
          Level.WARNING,
          "Item {0} ({1}) of shop {2} failed its last attempt {3}; it is a dead letter: {4}",
          new Object[] {item.id(), item.kind(), item.tenant(), item.attempt(), error});
      return queue.bury(item, settings.owner(), error) ? DispatchListener.Outcome.BURIED : leaseLost(item);
    }
    Instant notBefore = clock.instant().plus(settings.backoff().after(item.attempt()));
    LOG.log(
        Level.INFO,
        "Item {0} ({1}) of shop {2} failed attempt {3}, retrying from {4}: {5}",
        new Object[] {item.id(), item.kind(), item.tenant(), item.attempt(), notBefore, error});
    return queue.retry(item, settings.owner(), error, notBefore) ? DispatchListener.Outcome.RETRIED : leaseLost(item);
  }

  private DispatchListener.Outcome leaseLost(WorkItem item) {
    LOG.log(
        Level.WARNING,
        "Item {0} of shop {1} finished after its lease was lost to another dispatcher; outcome discarded",
        new Object[] {item.id(), item.tenant()});
    return DispatchListener.Outcome.LEASE_LOST;
  }

  /** Renews every running item's lease; interrupts the workers of items whose lease was lost. */
  private void heartbeat() {
    if (running.isEmpty()) {
      return;
    }
    List<Long> ids = List.copyOf(running.keySet());
    Set<Long> kept = queue.renew(settings.owner(), ids, settings.lease());
    for (Long id : ids) {
      Running attempt = running.get(id);
      if (!kept.contains(id) && attempt != null) {
        LOG.log(Level.WARNING, "Lost the lease of item {0}; interrupting its worker", id);
        attempt.interrupt();
      }
    }
  }

  /** Returns expired leases to their queues and gives every shop with ready work a place in the order. */
  private void refresh() {
    int reaped = queue.reapExpiredLeases();
    if (reaped > 0) {
      LOG.log(Level.INFO, "Returned {0} items whose lease had expired", reaped);
    }
    queue.readyShops().forEach(order::activate);
  }

  private void drainAnnouncements() {
    for (TenantId t = announced.poll(); t != null; t = announced.poll()) {
      order.activate(t);
    }
    for (TenantId t = finished.poll(); t != null; t = finished.poll()) {
      saturatedUntil.remove(t); // a slot of this shop was freed here: worth asking again at once
    }
  }

  private void signal() {
    lock.lock();
    try {
      signalled = true;
      wakeup.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void await(long deadlineNanos) {
    lock.lock();
    try {
      long wait = deadlineNanos - System.nanoTime();
      while (!signalled && wait > 0) {
        wait = wakeup.awaitNanos(wait);
      }
      signalled = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    } finally {
      lock.unlock();
    }
  }

  /** One running attempt and the worker thread running it, for interrupting it if its lease is lost. */
  private static final class Running {
    final WorkItem item;
    private Thread worker;

    Running(WorkItem item) {
      this.item = item;
    }

    synchronized void bind(Thread thread) {
      worker = thread;
    }

    /** After this, {@link #interrupt} cannot reach the thread, which may go on to other items. */
    synchronized void unbind() {
      worker = null;
      Thread.interrupted();
    }

    synchronized void interrupt() {
      if (worker != null) {
        worker.interrupt();
      }
    }
  }
}
