package dev.neanelu.webhook;

/**
 * A signed delivery whose body its handler cannot use (an id that is not of its topic's type, a date that is not a
 * date). Retrying cannot help: the row is marked {@code skipped} with this message, and the reconciliation sweep
 * reads the object from Shopify instead.
 */
public class UnusableDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnusableDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
