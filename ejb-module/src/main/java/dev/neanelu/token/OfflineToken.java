package dev.neanelu.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A shop's offline credentials as Shopify issued them: the access token with its expiry and, for expiring tokens,
 * the refresh token with its own expiry. A legacy (non-expiring) token has neither expiry nor refresh token.
 * {@link #toString()} never shows a token.
 *
 * @param expiresAt null for a legacy non-expiring token
 * @param refreshToken null for a legacy non-expiring token
 * @param refreshExpiresAt null when Shopify did not say (then only Shopify's answer tells)
 */
public record OfflineToken(
    String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt, String scopes) {

  /** Refresh this long before the access token expires, so no call starts with a token about to die. */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  public OfflineToken {
    Objects.requireNonNull(accessToken, "accessToken");
    if ((expiresAt == null) != (refreshToken == null)) {
      throw new IllegalArgumentException("An expiring token comes with a refresh token, a legacy one with neither");
    }
  }

  public boolean expiring() {
    return expiresAt != null;
  }

  /** Whether it should be refreshed before use at {@code now}: expiring, with less than the margin left. */
  public boolean needsRefresh(Instant now) {
    return expiring() && !now.plus(REFRESH_MARGIN).isBefore(expiresAt);
  }

  /** Whether the refresh token can no longer be used: the merchant has to open the app again. */
  public boolean refreshExpired(Instant now) {
    return refreshExpiresAt != null && !now.isBefore(refreshExpiresAt);
  }

  @Override
  public String toString() {
    return "OfflineToken[expiresAt=" + expiresAt + ", refreshExpiresAt=" + refreshExpiresAt + ", scopes=" + scopes + "]";
  }
}
