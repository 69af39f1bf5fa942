package dev.neanelu.token;

/**
 * A token request failed. {@link #retryable()} says whether sending the same request again can help: the answer
 * was lost (I/O error, timeout) or Shopify failed (5xx, 429). Otherwise Shopify refused the grant (4xx), or its
 * answer was unusable. Messages name the shop, the grant and Shopify's error code, never a token or code.
 */
public class TokenRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public TokenRequestException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
