package dev.neanelu.it;

import dev.neanelu.crypto.KeyRing;
import dev.neanelu.crypto.SecretCipher;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.tenant.TenantId;
import dev.neanelu.token.CredentialStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The integration database seen as the superuser (row-level security does not apply), for assertions on shops and
 * sealed credentials, and the development keys to open what the server sealed.
 */
final class TokenDatabase {

  private static final String URL = System.getProperty("it.postgres.url");
  static final String CURRENT_KEY =
      System.getProperty("it.encryption.key", "bmVhbmVsdS1kZXZlbG9wbWVudC1rZXktMzItYnl0ZXM=");
  static final String PREVIOUS_KEY =
      System.getProperty("it.encryption.keys.previous", "bmVhbmVsdS1wcmV2aW91cy1kZXYta2V5LTMyYnl0ZXM=");

  /** Opens what the server sealed, with its keys. */
  static final SecretCipher SERVER_KEYS = new SecretCipher(KeyRing.of(CURRENT_KEY, PREVIOUS_KEY));

  private TokenDatabase() {}

  record ShopRow(TenantId id, Instant installedAt, Instant uninstalledAt) {}

  record Credentials(String sealedAccess, String sealedRefresh, Instant expiresAt, long version) {}

  static List<ShopRow> shops(String domain) {
    List<ShopRow> rows = new ArrayList<>();
    query(
        "SELECT id, installed_at, uninstalled_at FROM shops WHERE shop_domain = ?",
        domain,
        rs -> {
          Timestamp uninstalled = rs.getTimestamp(3);
          rows.add(
              new ShopRow(
                  new TenantId(rs.getObject(1, UUID.class)),
                  rs.getTimestamp(2).toInstant(),
                  uninstalled == null ? null : uninstalled.toInstant()));
        });
    return rows;
  }

  static Optional<Credentials> credentials(TenantId shop) {
    List<Credentials> found = new ArrayList<>();
    query(
        "SELECT access_token, refresh_token, access_token_expires_at, version FROM shop_credentials WHERE shop_id = ?",
        shop.value(),
        rs -> {
          Timestamp expires = rs.getTimestamp(3);
          found.add(
              new Credentials(
                  rs.getString(1), rs.getString(2), expires == null ? null : expires.toInstant(), rs.getLong(4)));
        });
    return found.stream().findFirst();
  }

  static String accessToken(TenantId shop) {
    return SERVER_KEYS.open(credentials(shop).orElseThrow().sealedAccess(), ShopRegistry.accessTokenContext(shop));
  }

  static String refreshToken(TenantId shop) {
    return SERVER_KEYS.open(
        credentials(shop).orElseThrow().sealedRefresh(), CredentialStore.refreshTokenContext(shop));
  }

  /** Makes the stored access token look about to expire: as if it had been issued 59 minutes ago. */
  static void expireSoon(TenantId shop, int secondsLeft) {
    update(
        "UPDATE shop_credentials SET access_token_expires_at = now() + make_interval(secs => ?) WHERE shop_id = ?",
        secondsLeft,
        shop.value());
  }

  static void update(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row of every table in the application schema, as text: what a database dump would hold. */
  static String dump() {
    StringBuilder dump = new StringBuilder();
    try (Connection c = connect()) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                  + " FROM information_schema.tables WHERE table_schema IN ('public', 'jbatch')"
                  + " AND table_type = 'BASE TABLE'");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        // Identifiers come from the catalog and are quoted by quote_ident.
        try (PreparedStatement ps = c.prepareStatement("SELECT t::text FROM " + table + " t");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            dump.append(rs.getString(1)).append('\n');
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return dump.toString();
  }

  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(String sql, Object param, RowReader reader) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, "postgres", "");
  }
}
