package dev.neanelu.fairness;

/**
 * Observes how the attempts a dispatcher ran were settled: for metrics, the benchmark's clocks and the tests. Called
 * on the worker thread right after the queue recorded (or refused) the outcome; must return quickly.
 */
@FunctionalInterface
public interface DispatchListener {

  /** Nothing to observe. */
  DispatchListener NONE = (item, outcome) -> {};

  /** How an attempt ended. */
  enum Outcome {
    /** Succeeded and the success was recorded. */
    COMPLETED,
    /** Failed; the item will be tried again after its backoff. */
    RETRIED,
    /** Failed its last attempt; the item is a dead letter. */
    BURIED,
    /** Finished after its lease was lost to another dispatcher: nothing was recorded. */
    LEASE_LOST
  }

  void settled(WorkItem item, Outcome outcome);
}
