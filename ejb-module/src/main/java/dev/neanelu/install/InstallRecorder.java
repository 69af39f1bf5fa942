package dev.neanelu.install;

import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import dev.neanelu.token.CredentialStore;
import dev.neanelu.token.OfflineToken;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes installs and uninstalls to the registry ({@code shops}) and the credentials in one transaction each, so a
 * shop is never installed without its token nor uninstalled with one. A reinstall reuses the shop's row (same
 * tenant id, so its catalog stays attached) and replaces whatever credentials a stale row still had.
 */
@ApplicationScoped
public class InstallRecorder {

  private static final String INSERT =
      "INSERT INTO shops (id, shop_domain, scopes) VALUES (?, ?, ?) ON CONFLICT (shop_domain) DO NOTHING RETURNING id";
  private static final String FIND_FOR_UPDATE =
      "SELECT id, installed_at, uninstalled_at FROM shops WHERE shop_domain = ? FOR UPDATE";
  private static final String REINSTALL =
      "UPDATE shops SET scopes = ?, installed_at = CASE WHEN uninstalled_at IS NULL THEN installed_at ELSE now() END,"
          + " uninstalled_at = NULL, redacted_at = NULL WHERE id = ?";
  private static final String UNINSTALL = "UPDATE shops SET uninstalled_at = now() WHERE id = ?";

  @Resource(lookup = "jdbc/app")
  private DataSource dataSource;

  @Inject TenantContext tenants;
  @Inject CredentialStore credentials;

  /** Registers (or reinstalls) the shop and stores its pair, atomically. */
  @Transactional
  public Installation install(ShopDomain shop, OfflineToken token, String scopes) {
    Installation installation = upsert(shop, scopes == null ? "" : scopes);
    tenants.run(
        installation.shop(),
        c -> {
          credentials.lock(c, installation.shop());
          credentials.replace(c, installation.shop(), token);
          return null;
        });
    return installation;
  }

  /**
   * Marks the shop uninstalled and deletes its tokens, unless it is unknown, already uninstalled, or was
   * (re)installed after {@code triggeredAt}: a late delivery from an earlier installation must not remove a new one.
   *
   * @return the shop if this call uninstalled it
   */
  @Transactional
  public Optional<TenantId> uninstall(ShopDomain shop, Instant triggeredAt) {
    Optional<Row> row = findForUpdate(shop);
    if (row.isEmpty() || row.get().uninstalledAt() != null) {
      return Optional.empty();
    }
    if (triggeredAt != null && triggeredAt.isBefore(row.get().installedAt())) {
      return Optional.empty();
    }
    TenantId id = row.get().id();
    execute(UNINSTALL, id);
    tenants.run(
        id,
        c -> {
          credentials.lock(c, id);
          credentials.delete(c, id);
          return null;
        });
    return Optional.of(id);
  }

  private Installation upsert(ShopDomain shop, String scopes) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setObject(1, TenantId.newId().value());
        ps.setString(2, shop.value());
        ps.setString(3, scopes);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return new Installation(new TenantId(rs.getObject(1, UUID.class)), true, false);
          }
        }
      }
      Row row = findForUpdate(shop).orElseThrow();
      try (PreparedStatement ps = c.prepareStatement(REINSTALL)) {
        ps.setString(1, scopes);
        ps.setObject(2, row.id().value());
        ps.executeUpdate();
      }
      boolean wasUninstalled = row.uninstalledAt() != null;
      return new Installation(row.id(), wasUninstalled, wasUninstalled);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record the install of " + shop, e);
    }
  }

  private Optional<Row> findForUpdate(ShopDomain shop) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND_FOR_UPDATE)) {
      ps.setString(1, shop.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        java.sql.Timestamp uninstalled = rs.getTimestamp(3);
        return Optional.of(
            new Row(
                new TenantId(rs.getObject(1, UUID.class)),
                rs.getTimestamp(2).toInstant(),
                uninstalled == null ? null : uninstalled.toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read shop " + shop, e);
    }
  }

  private void execute(String sql, TenantId id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id.value());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot update shop " + id, e);
    }
  }

  private record Row(TenantId id, Instant installedAt, Instant uninstalledAt) {}
}
