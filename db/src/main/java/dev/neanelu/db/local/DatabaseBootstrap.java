package dev.neanelu.db.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Creates, as a superuser, what the application expects before its migrator runs: the schema-owner role (which the
 * migrator connects as), the application role (owns nothing, cannot bypass row-level security) and the database
 * owned by the former. Idempotent; production operators run the equivalent SQL shown in the README once.
 */
public final class DatabaseBootstrap {

  private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final DatabaseRoles roles;

  public DatabaseBootstrap(DatabaseRoles roles) {
    this.roles = roles;
    checkIdentifier(roles.ownerUser());
    checkIdentifier(roles.appUser());
    checkIdentifier(roles.database());
  }

  /**
   * @param superuser a connection as a PostgreSQL superuser, to any database but the target one
   * @param recreate drop the database first (integration tests start from an empty schema)
   */
  public void run(Connection superuser, boolean recreate) throws SQLException {
    superuser.setAutoCommit(true);
    ensureRole(superuser, roles.ownerUser(), roles.ownerPassword(), "");
    ensureRole(superuser, roles.appUser(), roles.appPassword(), " NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
    try (Statement st = superuser.createStatement()) {
      if (recreate) {
        st.execute("DROP DATABASE IF EXISTS " + roles.database() + " WITH (FORCE)");
      }
      if (!exists(superuser, "SELECT 1 FROM pg_database WHERE datname = ?", roles.database())) {
        st.execute("CREATE DATABASE " + roles.database() + " OWNER " + roles.ownerUser() + " ENCODING 'UTF8'");
        LOG.info(() -> "Created database " + roles.database());
      }
    }
  }

  private static void ensureRole(Connection c, String role, String password, String attributes)
      throws SQLException {
    if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + role + " LOGIN PASSWORD " + literal(password) + attributes);
    }
    LOG.info(() -> "Created role " + role);
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** CREATE ROLE takes no bind parameters, so the password is quoted as a standard SQL literal. */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static void checkIdentifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
    }
  }
}
