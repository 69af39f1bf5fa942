package dev.neanelu.schema;

import dev.neanelu.db.Migrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies pending migrations when the application starts. Uses {@code jdbc/migrator} (the schema owner, outside JTA)
 * rather than the application's role, which deliberately owns nothing. A failure stops the application: running
 * against a schema of the wrong version would be worse.
 */
@Startup
@Singleton
@DependsOn("RequiredConfiguration")
// Bean-managed: each migration commits on its own, and DDL must not join a container transaction.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/migrator")
  private DataSource owner;

  @Inject
  @ConfigProperty(name = "POSTGRES_APP_USER", defaultValue = "neanelu_app")
  String appRole;

  @PostConstruct
  void migrate() {
    try (Connection connection = owner.getConnection()) {
      int applied = new Migrator(appRole).migrate(connection);
      int version = Migrator.appliedVersion(connection);
      LOG.info(() -> "Database schema at version " + version + " (" + applied + " migrations applied now)");
    } catch (SQLException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }
}
