package dev.neanelu.fairness.internal;

/** The work queue's database failed a call; unchecked, since no caller can do more than log it and try later. */
public class WorkQueueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WorkQueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
