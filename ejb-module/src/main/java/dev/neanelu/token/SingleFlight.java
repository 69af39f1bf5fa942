package dev.neanelu.token;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * In-JVM single flight: while one thread computes the value for a key, other threads asking for the same key wait
 * for that result instead of computing their own. It removes the pile-up inside one JVM; across JVMs the advisory
 * lock of {@link CredentialStore} serialises the flights of each JVM.
 *
 * @param <K> the key (a shop and what is being done for it)
 * @param <V> the result
 */
final class SingleFlight<K, V> {

  private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger joined = new java.util.concurrent.atomic.AtomicInteger();

  /** Runs {@code work} unless a flight for {@code key} is already running, then returns (or throws) its outcome. */
  V run(K key, Supplier<V> work) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
    if (theirs != null) {
      joined.incrementAndGet();
      return join(theirs);
    }
    try {
      V value = work.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  /** How many calls so far waited for another thread's flight (observability for tests and metrics). */
  int joined() {
    return joined.get();
  }

  private static <V> V join(CompletableFuture<V> flight) {
    try {
      return flight.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
