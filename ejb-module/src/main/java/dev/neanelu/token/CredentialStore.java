package dev.neanelu.token;

import dev.neanelu.crypto.SecretCipher;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code shop_credentials} for the token lifecycle: every token sealed with its own additional data (shop and field),
 * both tokens of a pair written in one statement, and a per-shop transaction-scoped advisory lock that serialises
 * every writer of a shop's pair across JVMs. Methods take the connection of a {@code TenantContext} unit of work;
 * the lock lives exactly as long as its transaction, so a crashed holder can never leave it behind.
 */
@ApplicationScoped
public class CredentialStore {

  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('neanelu.shop-token:' || ?, 0))";
  private static final String READ =
      "SELECT access_token, access_token_expires_at, refresh_token, refresh_token_expires_at, version"
          + " FROM shop_credentials WHERE shop_id = ?";
  private static final String UPSERT =
      "INSERT INTO shop_credentials (shop_id, access_token, access_token_expires_at, refresh_token,"
          + " refresh_token_expires_at) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (shop_id) DO UPDATE SET access_token = excluded.access_token,"
          + " access_token_expires_at = excluded.access_token_expires_at, refresh_token = excluded.refresh_token,"
          + " refresh_token_expires_at = excluded.refresh_token_expires_at, updated_at = now(),"
          + " version = shop_credentials.version + 1";
  private static final String UPDATE_FENCED =
      "UPDATE shop_credentials SET access_token = ?, access_token_expires_at = ?, refresh_token = ?,"
          + " refresh_token_expires_at = ?, updated_at = now(), version = version + 1"
          + " WHERE shop_id = ? AND version = ?";
  private static final String SEALED = "SELECT access_token, refresh_token FROM shop_credentials WHERE shop_id = ?";
  private static final String DELETE = "DELETE FROM shop_credentials WHERE shop_id = ?";

  @Inject SecretCipher cipher;

  /** Blocks until this transaction holds the shop's token lock (other JVMs' writers wait the same way). */
  public void lock(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
      ps.setString(1, shop.toString());
      ps.execute();
    }
  }

  public Optional<StoredCredentials> read(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(READ)) {
      ps.setObject(1, shop.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(open(rs, shop)) : Optional.empty();
      }
    }
  }

  /** Stores a pair whatever was there (install, token exchange); the caller holds the lock. */
  public void replace(Connection c, TenantId shop, OfflineToken token) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setObject(1, shop.value());
      bindPair(ps, 2, shop, token);
      ps.executeUpdate();
    }
  }

  /**
   * Replaces the pair read at {@code version}.
   *
   * @return false if the row changed or vanished since (the caller's read is stale; nothing was written)
   */
  public boolean replaceFenced(Connection c, TenantId shop, OfflineToken token, long version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPDATE_FENCED)) {
      bindPair(ps, 1, shop, token);
      ps.setObject(5, shop.value());
      ps.setLong(6, version);
      return ps.executeUpdate() == 1;
    }
  }

  public void delete(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE)) {
      ps.setObject(1, shop.value());
      ps.executeUpdate();
    }
  }

  /** Whether any of the shop's stored values is sealed under a key other than the current one. */
  public boolean needsResealing(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SEALED)) {
      ps.setObject(1, shop.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            && (cipher.needsResealing(rs.getString(1))
                || (rs.getString(2) != null && cipher.needsResealing(rs.getString(2))));
      }
    }
  }

  /** The additional data a refresh token is sealed with: it only opens for this shop's refresh token. */
  public static String refreshTokenContext(TenantId shop) {
    return "shop:" + shop + "/refresh_token";
  }

  private void bindPair(PreparedStatement ps, int from, TenantId shop, OfflineToken token) throws SQLException {
    ps.setString(from, cipher.seal(token.accessToken(), ShopRegistry.accessTokenContext(shop)));
    ps.setTimestamp(from + 1, timestamp(token.expiresAt()));
    ps.setString(
        from + 2, token.refreshToken() == null ? null : cipher.seal(token.refreshToken(), refreshTokenContext(shop)));
    ps.setTimestamp(from + 3, timestamp(token.refreshExpiresAt()));
  }

  private StoredCredentials open(ResultSet rs, TenantId shop) throws SQLException {
    String refresh = rs.getString("refresh_token");
    OfflineToken token =
        new OfflineToken(
            cipher.open(rs.getString("access_token"), ShopRegistry.accessTokenContext(shop)),
            instant(rs.getTimestamp("access_token_expires_at")),
            refresh == null ? null : cipher.open(refresh, refreshTokenContext(shop)),
            instant(rs.getTimestamp("refresh_token_expires_at")),
            null);
    return new StoredCredentials(token, rs.getLong("version"));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
