package dev.neanelu.shopify;

import dev.neanelu.tenant.Shop;

/**
 * The one place callers get a shop's Admin API access token from. Implemented by
 * {@code dev.neanelu.token.TokenService}: the stored (sealed) token, expiring tokens refreshed single-flight across
 * JVMs, legacy tokens of shops registered through the ops API used as they are.
 */
public interface AccessTokens {

  /** A token believed valid now. */
  String accessToken(Shop shop);

  /**
   * A token to try after Shopify refused {@code rejected} (401/403): a newer one if there is one.
   *
   * @throws ShopifyAuthException if there is nothing better than the rejected token
   */
  String afterRejection(Shop shop, String rejected);
}
