package dev.neanelu.install;

import dev.neanelu.session.SessionToken;
import dev.neanelu.shopify.ShopifyAuthException;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.token.OfflineToken;
import dev.neanelu.token.TokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded admin's view of its shop, always the shop named by the verified session token. Opening a session
 * makes sure the shop is installed and has a usable offline token: a shop never installed (Shopify managed
 * installation) or uninstalled is installed by token exchange; a missing, legacy or dead token is replaced by token
 * exchange; an expiring one is refreshed when due, like for any other caller.
 */
@ApplicationScoped
public class EmbeddedSessions {

  private static final String SYNC_TABLE = "SELECT to_regclass('public.sync_runs') IS NOT NULL";
  private static final String LAST_SYNC =
      "SELECT mode, status, started_at, finished_at FROM sync_runs ORDER BY started_at DESC LIMIT 1";

  @Inject ShopRegistry shops;
  @Inject InstallService installs;
  @Inject TokenService tokens;
  @Inject TenantContext tenants;

  /** @throws InstallRejectedException if Shopify refuses the token exchange for a shop to be installed */
  public Shop open(SessionToken session) throws InstallRejectedException {
    Optional<Shop> shop = shops.find(session.shop()).filter(Shop::installed);
    if (shop.isEmpty()) {
      installs.installBySessionToken(session);
      return shops.find(session.shop()).orElseThrow();
    }
    tokens.ensureUsable(shop.get().id(), shop.get().domain(), session.raw());
    try {
      tokens.accessToken(shop.get());
    } catch (ShopifyAuthException e) {
      // The refresh was refused (revoked or rotated-out refresh token): the merchant is here, so exchange instead.
      tokens.replaceStale(shop.get().id(), shop.get().domain(), session.raw());
    }
    return shop.get();
  }

  public ShopOverview overview(Shop shop) {
    OfflineToken token = tokens.stored(shop).orElseThrow(() -> new ShopifyAuthException("No token for " + shop.domain()));
    return new ShopOverview(shop, token.expiresAt(), tenants.call(shop.id(), EmbeddedSessions::lastSync));
  }

  /** The catalog ingest's latest run, if that feature's table exists in this schema. */
  private static Map<String, Object> lastSync(Connection c) throws SQLException {
    Map<String, Object> sync = new LinkedHashMap<>();
    try (PreparedStatement exists = c.prepareStatement(SYNC_TABLE);
        ResultSet present = exists.executeQuery()) {
      if (!present.next() || !present.getBoolean(1)) {
        return sync;
      }
    }
    try (PreparedStatement ps = c.prepareStatement(LAST_SYNC);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        sync.put("mode", rs.getString("mode"));
        sync.put("status", rs.getString("status"));
        sync.put("startedAt", instant(rs.getTimestamp("started_at")));
        sync.put("finishedAt", instant(rs.getTimestamp("finished_at")));
      }
    }
    return sync;
  }

  private static String instant(Timestamp t) {
    return t == null ? null : t.toInstant().toString();
  }
}
