package dev.neanelu.health;

import dev.neanelu.db.MigrationCatalog;
import dev.neanelu.db.Migrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the application role can reach the database and the schema is at the version this build ships. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final String NAME = "database";

  @Resource(lookup = "jdbc/app")
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    int expected = MigrationCatalog.latestVersion();
    try (Connection connection = dataSource.getConnection()) {
      int applied = Migrator.appliedVersion(connection);
      return HealthCheckResponse.named(NAME)
          .status(applied >= expected)
          .withData("schemaVersion", applied)
          .withData("expectedSchemaVersion", expected)
          .build();
    } catch (SQLException e) {
      return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
