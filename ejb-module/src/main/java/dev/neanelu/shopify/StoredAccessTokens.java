package dev.neanelu.shopify;

import dev.neanelu.crypto.SecretCipher;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Access tokens as stored in {@code shop_credentials}, opened with the key ring on every use (never cached in
 * plain text). After a rejection the row is read again: an operator may have registered a new token meanwhile.
 */
@ApplicationScoped
public class StoredAccessTokens implements AccessTokens {

  @Inject TenantContext tenants;
  @Inject SecretCipher cipher;

  @Override
  public String accessToken(Shop shop) {
    if (!shop.installed()) {
      throw new ShopifyAuthException("Shop " + shop.domain() + " is uninstalled: no access token");
    }
    String sealed =
        tenants.call(
            shop.id(),
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement("SELECT access_token FROM shop_credentials WHERE shop_id = ?");
                  ResultSet rs = execute(ps, shop)) {
                return rs.next() ? rs.getString(1) : null;
              }
            });
    if (sealed == null) {
      throw new ShopifyAuthException("Shop " + shop.domain() + " has no stored access token");
    }
    return cipher.open(sealed, ShopRegistry.accessTokenContext(shop.id()));
  }

  @Override
  public String afterRejection(Shop shop, String rejected) {
    String current = accessToken(shop);
    if (current.equals(rejected)) {
      throw new ShopifyAuthException("Shopify refused the access token of " + shop.domain());
    }
    return current;
  }

  private static ResultSet execute(PreparedStatement ps, Shop shop) throws java.sql.SQLException {
    ps.setObject(1, shop.id().value());
    return ps.executeQuery();
  }
}
