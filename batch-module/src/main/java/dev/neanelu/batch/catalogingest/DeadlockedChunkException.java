package dev.neanelu.batch.catalogingest;

/**
 * PostgreSQL chose this chunk's transaction to break a deadlock with another range's: possible only when the same
 * objects appear in two ranges of the export, in opposite orders. The chunk was rolled back whole; the job retries it
 * (retryable in the job XML), by then the other range's transaction has committed.
 */
public class DeadlockedChunkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DeadlockedChunkException(Throwable cause) {
    super("The chunk deadlocked with another range's writes; retrying it", cause);
  }
}
