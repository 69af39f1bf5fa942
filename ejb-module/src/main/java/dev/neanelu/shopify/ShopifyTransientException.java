package dev.neanelu.shopify;

/** A fault that may pass: 5xx, a reset connection, a timeout. Retried with backoff; counts against the shop's circuit. */
public class ShopifyTransientException extends ShopifyException {

  private static final long serialVersionUID = 1L;

  public ShopifyTransientException(String message, Throwable cause) {
    super(message, cause);
  }
}
