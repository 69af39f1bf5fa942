package dev.neanelu.tenant;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Database work for one tenant, given a connection on which only that tenant's rows are visible.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface TenantWork<T> {

  T run(Connection connection) throws SQLException;
}
