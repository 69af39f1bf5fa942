package dev.neanelu.token;

import dev.neanelu.tenant.ShopDomain;

/**
 * Shopify's OAuth token endpoint ({@code POST https://{shop}/admin/oauth/access_token}), one method per grant this
 * application uses. Every grant asks for expiring offline tokens ({@code expiring=1}).
 *
 * <p>Failures are {@link TokenRequestException}s saying whether retrying the same request can help.
 */
public interface TokenEndpoint {

  /** Exchanges an authorization code from the OAuth callback. */
  OfflineToken authorizationCode(ShopDomain shop, String code);

  /** Rotates the pair; the refresh token sent stays valid until its replacement is first used. */
  OfflineToken refresh(ShopDomain shop, String refreshToken);

  /** Token exchange of an App Bridge session token for an offline token. */
  OfflineToken exchangeSessionToken(ShopDomain shop, String sessionToken);

  /** Token exchange of a legacy non-expiring offline token for an expiring pair (the old token then stops working). */
  OfflineToken migrateLegacy(ShopDomain shop, String legacyAccessToken);
}
