package dev.neanelu.install;

/**
 * An install or OAuth callback request failed verification (HMAC, timestamp, state, shop domain) or Shopify refused
 * the code. Checked: rejecting forged or stale requests is expected business, answered with a 400/401 and nothing
 * stored. The message says which check failed and never carries a code, token, HMAC or secret.
 */
public class InstallRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean authentication;

  public InstallRejectedException(String reason, boolean authentication) {
    super(reason);
    this.authentication = authentication;
  }

  /** True when a signature or state failed (401), false for a malformed or unusable request (400). */
  public boolean authentication() {
    return authentication;
  }
}
