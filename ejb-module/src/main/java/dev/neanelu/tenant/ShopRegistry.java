package dev.neanelu.tenant;

import dev.neanelu.crypto.SecretCipher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tenant registry: registers shops with their Admin API credentials (sealed, never stored in plain text) and
 * finds them by domain. A static access token is how Shopify custom apps authenticate, so everything downstream
 * works before or without OAuth.
 */
@ApplicationScoped
public class ShopRegistry {

  private static final String UPSERT_SHOP =
      "INSERT INTO shops (id, shop_domain, plan, scopes) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (shop_domain) DO UPDATE"
          + " SET plan = excluded.plan, scopes = excluded.scopes, installed_at = now(), uninstalled_at = NULL,"
          + " redacted_at = NULL"
          + " WHERE shops.uninstalled_at IS NOT NULL"
          + " RETURNING id";
  private static final String SAVE_TOKEN =
      "INSERT INTO shop_credentials (shop_id, access_token) VALUES (?, ?)"
          + " ON CONFLICT (shop_id) DO UPDATE SET access_token = excluded.access_token,"
          + " access_token_expires_at = NULL, refresh_token = NULL, refresh_token_expires_at = NULL,"
          + " updated_at = now()";
  private static final String FIND =
      "SELECT id, shop_domain, plan, scopes, installed_at, uninstalled_at FROM shops WHERE shop_domain = ?";

  @Resource(lookup = "jdbc/app")
  private DataSource dataSource;

  @Inject TenantContext tenants;
  @Inject SecretCipher cipher;

  /**
   * Registers {@code shop} with a non-expiring access token, or reinstalls it if it was uninstalled.
   *
   * @throws ShopAlreadyRegisteredException if the shop is installed already
   */
  @Transactional(rollbackOn = ShopAlreadyRegisteredException.class)
  public Shop register(ShopDomain shop, String accessToken, ShopPlan plan, String scopes)
      throws ShopAlreadyRegisteredException {
    TenantId id = upsert(shop, plan, scopes).orElseThrow(() -> new ShopAlreadyRegisteredException(shop));
    String sealed = cipher.seal(accessToken, accessTokenContext(id));
    tenants.run(id, c -> saveToken(c, id, sealed));
    return find(shop).orElseThrow();
  }

  /** The registered shop with this domain, installed or not. */
  @Transactional
  public Optional<Shop> find(ShopDomain shop) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, shop.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(toShop(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read shop " + shop, e);
    }
  }

  /** The registered shop with this id, installed or not. */
  @Transactional
  public Optional<Shop> find(TenantId id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, shop_domain, plan, scopes, installed_at, uninstalled_at FROM shops WHERE id = ?")) {
      ps.setObject(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(toShop(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read shop " + id, e);
    }
  }

  /** The additional data an access token is sealed with: it only opens for this shop's row. */
  public static String accessTokenContext(TenantId id) {
    return "shop:" + id + "/access_token";
  }

  private Optional<TenantId> upsert(ShopDomain shop, ShopPlan plan, String scopes) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPSERT_SHOP)) {
      ps.setObject(1, TenantId.newId().value());
      ps.setString(2, shop.value());
      ps.setString(3, plan.code());
      ps.setString(4, scopes);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new TenantId(rs.getObject(1, java.util.UUID.class))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot register shop " + shop, e);
    }
  }

  private static Void saveToken(Connection c, TenantId id, String sealed) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SAVE_TOKEN)) {
      ps.setObject(1, id.value());
      ps.setString(2, sealed);
      ps.executeUpdate();
    }
    return null;
  }

  private static Shop toShop(ResultSet rs) throws SQLException {
    Timestamp uninstalled = rs.getTimestamp("uninstalled_at");
    return new Shop(
        new TenantId(rs.getObject("id", java.util.UUID.class)),
        new ShopDomain(rs.getString("shop_domain")),
        ShopPlan.fromCode(rs.getString("plan")),
        rs.getString("scopes"),
        rs.getTimestamp("installed_at").toInstant(),
        uninstalled == null ? null : uninstalled.toInstant());
  }
}
