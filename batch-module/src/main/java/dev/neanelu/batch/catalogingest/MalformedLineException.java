package dev.neanelu.batch.catalogingest;

/**
 * A JSONL line that cannot be stored: not UTF-8, not a JSON object with a Shopify {@code id}, or too long. Declared
 * skippable in the job: the line is recorded in {@code ingest_errors} and the load goes on, up to the skip limit.
 */
public class MalformedLineException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient RawLine line;
  private final String reason;

  public MalformedLineException(RawLine line, String reason) {
    super("Line " + line.number() + ": " + reason);
    this.line = line;
    this.reason = reason;
  }

  /** Why the line was rejected, without the line number. */
  public String reason() {
    return reason;
  }

  public RawLine line() {
    return line;
  }
}
