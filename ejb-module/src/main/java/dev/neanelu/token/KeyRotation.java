package dev.neanelu.token;

import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Re-seals every stored secret under the current key ({@code ENCRYPTION_KEY_256}), so that the previous keys
 * ({@code ENCRYPTION_KEYS_PREVIOUS}) can be retired. One transaction per shop, under the shop's token lock so a
 * concurrent refresh is neither lost nor overwritten; values already under the current key are left alone, so the
 * rotation can be repeated or resumed after a failure.
 */
@ApplicationScoped
public class KeyRotation {

  private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());

  @Resource(lookup = "jdbc/app")
  private DataSource dataSource;

  @Inject TenantContext tenants;
  @Inject CredentialStore store;

  /** What a rotation did. */
  public record Result(int shops, int resealed) {}

  public Result resealAll() {
    List<TenantId> shops = shopIds();
    int resealed = 0;
    for (TenantId shop : shops) {
      if (tenants.call(shop, c -> reseal(c, shop))) {
        resealed++;
      }
    }
    int count = resealed;
    LOG.info(() -> "Key rotation: re-sealed the credentials of " + count + " of " + shops.size() + " shops");
    return new Result(shops.size(), resealed);
  }

  private boolean reseal(Connection c, TenantId shop) throws SQLException {
    store.lock(c, shop);
    if (!store.needsResealing(c, shop)) {
      return false;
    }
    StoredCredentials current = store.read(c, shop).orElseThrow();
    return store.replaceFenced(c, shop, current.token(), current.version());
  }

  /** The registry is not tenant-scoped: every shop, installed or not. */
  List<TenantId> shopIds() {
    List<TenantId> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM shops ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(new TenantId(rs.getObject(1, java.util.UUID.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot list shops for key rotation", e);
    }
    return ids;
  }
}
