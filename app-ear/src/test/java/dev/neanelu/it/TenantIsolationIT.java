package dev.neanelu.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantDataException;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation through the connection pool, in the container (Arquillian, the real EAR, PostgreSQL as the
 * application role). The Arquillian server's pool holds one connection, so consecutive units of work share one
 * physical connection (asserted through {@code pg_backend_pid()}).
 *
 * <ul>
 *   <li>unit of work for A, then for B on the same connection: each sees only its own rows;
 *   <li>work that bypasses TenantContext on that connection: sees no tenant rows (fails if the tenant were set per
 *       pooled connection instead of per borrow);
 *   <li>A writing a row for B: refused by the policy;
 *   <li>a second tenant inside one transaction: refused.
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

  // Looked up rather than injected: that needs no Arquillian enricher, only the container itself.
  private TenantContext tenants;
  private DataSource dataSource;
  private UserTransaction transaction;

  private TenantId shopA;
  private TenantId shopB;

  @Deployment
  static EnterpriseArchive application() throws IOException {
    EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/neanelu.ear"));
    ear.getAsType(WebArchive.class, "web-module.war").addClass(TenantIsolationIT.class);
    // Arquillian's servlet protocol addresses a WAR by its name, so serve the WAR there instead of at "/".
    String descriptor = new String(ear.get("META-INF/application.xml").getAsset().openStream().readAllBytes(), UTF_8);
    ear.setApplicationXML(
        new StringAsset(descriptor.replace("<context-root>/</context-root>", "<context-root>/web-module</context-root>")));
    return ear;
  }

  @BeforeEach
  void twoShopsWithOneProductEach() throws Exception {
    tenants = CDI.current().select(TenantContext.class).get();
    dataSource = InitialContext.doLookup("jdbc/app");
    transaction = InitialContext.doLookup("java:comp/UserTransaction");
    shopA = registerShop();
    shopB = registerShop();
    tenants.run(shopA, c -> insertProduct(c, shopA, 1));
    tenants.run(shopB, c -> insertProduct(c, shopB, 2));
  }

  @Test
  void consecutiveUnitsOfWorkOnOnePooledConnectionSeeOnlyTheirTenant() throws Exception {
    Visible a = tenants.call(shopA, TenantIsolationIT::visible);
    Visible b = tenants.call(shopB, TenantIsolationIT::visible);
    assertEquals(a.backendPid(), b.backendPid(), "precondition: both units used the same pooled connection");
    assertEquals(List.of(shopA.toString()), a.shops());
    assertEquals(List.of(shopB.toString()), b.shops());
  }

  @Test
  void workWithoutTenantSeesNoTenantRowsEvenRightAfterATenantsWork() throws Exception {
    Visible b = tenants.call(shopB, TenantIsolationIT::visible);
    transaction.begin();
    try (Connection c = dataSource.getConnection()) {
      Visible none = visible(c);
      assertEquals(b.backendPid(), none.backendPid(), "precondition: same pooled connection as B's work");
      assertEquals(List.of(), none.shops());
    } finally {
      transaction.commit();
    }
  }

  @Test
  void aTenantCannotWriteAnotherTenantsRows() {
    assertThrows(TenantDataException.class, () -> tenants.run(shopA, c -> insertProduct(c, shopB, 3)));
  }

  @Test
  void oneTransactionServesOneTenant() throws Exception {
    transaction.begin();
    try {
      tenants.call(shopA, TenantIsolationIT::visible);
      assertThrows(IllegalStateException.class, () -> tenants.call(shopB, TenantIsolationIT::visible));
    } finally {
      transaction.rollback();
    }
  }

  private TenantId registerShop() throws Exception {
    TenantId id = TenantId.newId();
    transaction.begin();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO shops (id, shop_domain) VALUES (?, ?)")) {
      ps.setObject(1, id.value());
      ps.setString(2, "isolation-" + id.value() + ".myshopify.com");
      ps.executeUpdate();
    } finally {
      transaction.commit();
    }
    return id;
  }

  private static Void insertProduct(Connection c, TenantId owner, long productId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO products (shop_id, product_id, title) VALUES (?, ?, 'isolation')")) {
      ps.setObject(1, owner.value());
      ps.setLong(2, productId);
      ps.executeUpdate();
    }
    return null;
  }

  /** Which shops' products this connection can see, and which server process it is. */
  private static Visible visible(Connection c) throws SQLException {
    List<String> shops = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT DISTINCT shop_id::text FROM products ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        shops.add(rs.getString(1));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Visible(rs.getInt(1), shops);
    }
  }

  record Visible(int backendPid, List<String> shops) {}
}
