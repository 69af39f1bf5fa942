package dev.neanelu.db.local;

import java.util.Map;

/**
 * Names and passwords of the two database roles and the database, read from the same environment variables the
 * application uses, with the local-development defaults.
 */
public record DatabaseRoles(
    String database, String ownerUser, String ownerPassword, String appUser, String appPassword) {

  /** Reads {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD}, {@code POSTGRES_APP_USER}, {@code POSTGRES_APP_PASSWORD}. */
  public static DatabaseRoles fromEnvironment(String database, Map<String, String> env) {
    return new DatabaseRoles(
        database,
        env.getOrDefault("POSTGRES_USER", "neanelu"),
        env.getOrDefault("POSTGRES_PASSWORD", "neanelu"),
        env.getOrDefault("POSTGRES_APP_USER", "neanelu_app"),
        env.getOrDefault("POSTGRES_APP_PASSWORD", "neanelu_app"));
  }
}
