package dev.neanelu.session;

import dev.neanelu.tenant.ShopDomain;
import java.time.Instant;

/**
 * A verified App Bridge session token: the shop it speaks for (from {@code dest}), the user ({@code sub}, absent for
 * non-user contexts) and when it expires. The raw token is kept for token exchange; {@link #toString()} hides it.
 */
public record SessionToken(ShopDomain shop, String userId, Instant expiresAt, String raw) {

  @Override
  public String toString() {
    return "SessionToken[shop=" + shop + ", userId=" + userId + ", expiresAt=" + expiresAt + "]";
  }
}
