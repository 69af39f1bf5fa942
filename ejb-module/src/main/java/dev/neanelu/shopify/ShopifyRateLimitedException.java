package dev.neanelu.shopify;

import java.time.Duration;

/** HTTP 429 with the wait Shopify asked for ({@code Retry-After}); the caller waits it out and tries again. */
public class ShopifyRateLimitedException extends ShopifyException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ShopifyRateLimitedException(String message, Duration retryAfter) {
    super(message, null);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
