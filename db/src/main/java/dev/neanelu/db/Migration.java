package dev.neanelu.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned SQL script, named Flyway-style {@code V<version>__<description>.sql}.
 *
 * @param version the number after {@code V}; applied in ascending order
 * @param script the file name
 * @param sql the script text, before placeholders are substituted
 */
public record Migration(int version, String script, String sql) {

  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  /** Parses the version from a script's file name; rejects names that do not follow the convention. */
  public static Migration of(String script, String sql) {
    Matcher m = NAME.matcher(script);
    if (!m.matches()) {
      throw new IllegalArgumentException("Migration file name must be V<n>__<what>.sql: " + script);
    }
    return new Migration(Integer.parseInt(m.group(1)), script, sql);
  }

  public String description() {
    return NAME.matcher(script).replaceFirst("$2").replace('_', ' ');
  }

  /** SHA-256 of the script text, so an applied migration that was edited afterwards is caught at start-up. */
  public String checksum() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
