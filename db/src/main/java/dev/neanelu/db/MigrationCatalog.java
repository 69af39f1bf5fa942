package dev.neanelu.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The migrations shipped on the class path. They are listed in {@code db/migration/migrations.lst} because a
 * class-path directory cannot be listed portably inside an application server (Liberty serves EAR libraries
 * through its own URL scheme); a unit test keeps the list equal to the directory's contents.
 */
public final class MigrationCatalog {

  static final String LOCATION = "db/migration/";
  static final String INDEX = LOCATION + "migrations.lst";

  private MigrationCatalog() {}

  /** All migrations, in ascending version order. */
  public static List<Migration> load() {
    List<Migration> migrations = new ArrayList<>();
    for (String script : read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      migrations.add(Migration.of(script, read(LOCATION + script)));
    }
    migrations.sort(Comparator.comparingInt(Migration::version));
    return List.copyOf(migrations);
  }

  /** The highest version shipped; readiness compares the database against it. */
  public static int latestVersion() {
    List<Migration> all = load();
    return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
  }

  private static String read(String resource) {
    InputStream in = MigrationCatalog.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing class-path resource " + resource);
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      StringBuilder text = new StringBuilder();
      reader.lines().forEach(line -> text.append(line).append('\n'));
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
