package dev.neanelu.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Applies {@link MigrationCatalog} migrations to a database, connected as the schema owner.
 *
 * <p>Each migration runs in its own transaction together with its history row, so a failure leaves the schema at the
 * previous version. A session advisory lock serialises migrators of several JVMs starting at once. An applied
 * migration whose text has changed since stops the migration: history is never rewritten silently.
 */
public final class Migrator {

  /** Placeholder in scripts for the application's (non-owner) database role. */
  static final String APP_ROLE_PLACEHOLDER = "${app_role}";

  private static final Logger LOG = Logger.getLogger(Migrator.class.getName());
  private static final Pattern SQL_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final long LOCK_KEY = 0x6e65616e656c75L; // "neanelu"
  private static final String HISTORY_DDL =
      "CREATE TABLE IF NOT EXISTS neanelu_schema_history ("
          + " version integer PRIMARY KEY, description text NOT NULL, script text NOT NULL,"
          + " checksum text NOT NULL, installed_at timestamptz NOT NULL DEFAULT now(),"
          + " execution_ms integer NOT NULL)";

  private final String appRole;

  /**
   * @param appRole the role the application connects as; checked against an identifier allowlist because it is
   *     substituted into DDL
   */
  public Migrator(String appRole) {
    if (!SQL_IDENTIFIER.matcher(appRole).matches()) {
      throw new IllegalArgumentException("Not a plain lower-case SQL role name: " + appRole);
    }
    this.appRole = appRole;
  }

  /**
   * Brings the schema up to date.
   *
   * @return how many migrations this call applied
   */
  public int migrate(Connection owner) throws SQLException {
    boolean autoCommit = owner.getAutoCommit();
    owner.setAutoCommit(true);
    try (Statement st = owner.createStatement()) {
      st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      try {
        st.execute(HISTORY_DDL);
        return applyPending(owner, MigrationCatalog.load());
      } finally {
        st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      }
    } finally {
      owner.setAutoCommit(autoCommit);
    }
  }

  /** The highest version recorded in the database, or 0 for an empty one. */
  public static int appliedVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM neanelu_schema_history")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private int applyPending(Connection owner, List<Migration> migrations) throws SQLException {
    Map<Integer, String> applied = appliedChecksums(owner);
    int count = 0;
    for (Migration migration : migrations) {
      String checksum = applied.get(migration.version());
      if (checksum == null) {
        apply(owner, migration);
        count++;
      } else if (!checksum.equals(migration.checksum())) {
        throw new SQLException(
            "Migration " + migration.script() + " was changed after it was applied; add a new migration instead");
      }
    }
    return count;
  }

  private static Map<Integer, String> appliedChecksums(Connection owner) throws SQLException {
    Map<Integer, String> applied = new HashMap<>();
    try (Statement st = owner.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, checksum FROM neanelu_schema_history")) {
      while (rs.next()) {
        applied.put(rs.getInt(1), rs.getString(2));
      }
    }
    return applied;
  }

  private void apply(Connection owner, Migration migration) throws SQLException {
    long start = System.nanoTime();
    owner.setAutoCommit(false);
    try (Statement st = owner.createStatement()) {
      st.execute(migration.sql().replace(APP_ROLE_PLACEHOLDER, appRole));
      recordHistory(owner, migration, (int) ((System.nanoTime() - start) / 1_000_000));
      owner.commit();
      LOG.info(() -> "Applied migration " + migration.script());
    } catch (SQLException e) {
      owner.rollback();
      throw new SQLException("Migration " + migration.script() + " failed: " + e.getMessage(), e);
    } finally {
      owner.setAutoCommit(true);
    }
  }

  private static void recordHistory(Connection owner, Migration migration, int millis) throws SQLException {
    try (PreparedStatement ps =
        owner.prepareStatement(
            "INSERT INTO neanelu_schema_history (version, description, script, checksum, execution_ms)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setInt(1, migration.version());
      ps.setString(2, migration.description());
      ps.setString(3, migration.script());
      ps.setString(4, migration.checksum());
      ps.setInt(5, millis);
      ps.executeUpdate();
    }
  }
}
