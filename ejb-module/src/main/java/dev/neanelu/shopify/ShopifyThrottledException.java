package dev.neanelu.shopify;

/** Throttled (THROTTLED in a 200, or a 429) more times, or for longer, than the client is willing to wait. */
public class ShopifyThrottledException extends ShopifyException {

  private static final long serialVersionUID = 1L;

  public ShopifyThrottledException(String message) {
    super(message, null);
  }
}
