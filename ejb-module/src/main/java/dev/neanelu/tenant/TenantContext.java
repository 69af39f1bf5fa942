package dev.neanelu.tenant;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The unit of work through which all tenant-scoped database work runs.
 *
 * <p>Every call borrows a connection from {@code jdbc/app} inside a JTA transaction (joining the caller's, such as a
 * batch chunk's, or starting one) and sets {@code app.current_shop_id} with {@code set_config(..., true)}:
 * transaction-local, so the setting dies with the transaction and a pooled connection never carries one tenant's
 * identity into the next borrower's work. Row-level security policies on every tenant table filter on that setting,
 * so code that bypasses this class sees no tenant rows at all.
 *
 * <p>One transaction serves one tenant: asking for a second tenant inside the same transaction is a programming
 * error and fails, because the setting is per database transaction.
 */
@ApplicationScoped
public class TenantContext {

  private static final String TENANT_KEY = TenantContext.class.getName() + ".tenant";
  private static final String SET_TENANT = "SELECT set_config('app.current_shop_id', ?, true)";

  @Resource(lookup = "jdbc/app")
  private DataSource dataSource;

  @Resource private TransactionSynchronizationRegistry transactions;

  /** Runs {@code work} for {@code tenant} and returns its result; database errors roll the transaction back. */
  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T call(TenantId tenant, TenantWork<T> work) {
    Objects.requireNonNull(tenant, "tenant");
    bindToTransaction(tenant);
    try (Connection connection = dataSource.getConnection()) {
      setTenant(connection, tenant);
      return work.run(connection);
    } catch (SQLException e) {
      throw new TenantDataException(tenant, e);
    }
  }

  /** Same as {@link #call} for work without a result. */
  @Transactional(Transactional.TxType.REQUIRED)
  public void run(TenantId tenant, TenantWork<?> work) {
    call(tenant, work);
  }

  private void bindToTransaction(TenantId tenant) {
    Object bound = transactions.getResource(TENANT_KEY);
    if (bound == null) {
      transactions.putResource(TENANT_KEY, tenant);
    } else if (!bound.equals(tenant)) {
      throw new IllegalStateException(
          "Transaction already belongs to tenant " + bound + "; start a new one for tenant " + tenant);
    }
  }

  /** Per borrow, not per pooled connection: see the class comment. */
  private static void setTenant(Connection connection, TenantId tenant) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(SET_TENANT)) {
      ps.setString(1, tenant.toString());
      ps.execute();
    }
  }
}
