package dev.neanelu.shopify;

import dev.neanelu.tenant.Shop;

/**
 * The one place callers get a shop's Admin API access token from. Today: the stored (sealed) token of a shop
 * registered through the ops API; the OAuth issue adds expiring tokens refreshed single-flight behind the same
 * interface.
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
