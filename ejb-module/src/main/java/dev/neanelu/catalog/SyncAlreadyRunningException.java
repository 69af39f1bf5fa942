package dev.neanelu.catalog;

/**
 * A sync was asked for while one of the shop runs or waits in the queue. Checked: callers answer it (409) rather
 * than treat it as a failure; the message names the running job instance and execution, or the queued work item.
 */
public class SyncAlreadyRunningException extends Exception {

  private static final long serialVersionUID = 1L;

  public SyncAlreadyRunningException(String message) {
    super(message);
  }
}
