package dev.neanelu.fairness;

/**
 * Runs one claimed item on a worker thread. Returning normally is success; any exception is a failed attempt, retried
 * with backoff or, after the last attempt, a dead letter. {@link FairDispatch} runs items through their kind's {@link
 * WorkHandler} inside the item's tenant; the benchmark simulates work.
 */
@FunctionalInterface
public interface WorkRunner {

  void run(WorkItem item) throws Exception;
}
