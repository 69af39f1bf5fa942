package dev.neanelu.shopify;

import java.time.Instant;

/** The shop's circuit is open after repeated transient failures: calls fail fast until {@link #retryAt()}. */
public class ShopCircuitOpenException extends ShopifyException {

  private static final long serialVersionUID = 1L;

  private final Instant retryAt;

  public ShopCircuitOpenException(String shop, Instant retryAt) {
    super("Shopify calls for " + shop + " are suspended until " + retryAt + " after repeated failures", null);
    this.retryAt = retryAt;
  }

  public Instant retryAt() {
    return retryAt;
  }
}
