package dev.neanelu.shopify;

import java.time.Duration;
import java.util.Optional;

/**
 * Translates an HTTP status from the Admin API into the exception the rest of the code handles, so nothing upstream
 * inspects status codes. Used by every transport (the Rest Client's exception mapper and the JDK client alike).
 */
public final class ShopifyStatus {

  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private ShopifyStatus() {}

  /**
   * @param retryAfter the {@code Retry-After} header, if any (seconds)
   * @return the exception for a non-2xx status, empty for success
   */
  public static Optional<ShopifyException> exceptionFor(int status, String retryAfter, String where) {
    if (status >= 200 && status < 300) {
      return Optional.empty();
    }
    String message = "Shopify answered HTTP " + status + " for " + where;
    return Optional.of(
        switch (status) {
          case 401, 403 -> new ShopifyAuthException(message);
          case 402, 423 -> new ShopUnavailableException(message);
          case 429 -> new ShopifyRateLimitedException(message, retryAfter(retryAfter));
          default ->
              status >= 500
                  ? new ShopifyTransientException(message, null)
                  : new ShopifyQueryException(message, java.util.List.of("HTTP_" + status));
        });
  }

  private static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      return Duration.ofMillis((long) (Double.parseDouble(header.strip()) * 1000));
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }
}
