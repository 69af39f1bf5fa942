package dev.neanelu.batch.catalogingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL resource of named statements ({@code -- @statement name} before each) with named parameters
 * ({@code :shop_id}); run in order on one connection, returning each statement's update count. Keeps set-based SQL
 * in .sql files instead of Java strings.
 */
final class SqlScript {

  private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z_]+)");
  private static final String MARKER = "-- @statement ";

  private final Map<String, String> statements;

  private SqlScript(Map<String, String> statements) {
    this.statements = statements;
  }

  static SqlScript load(String resource) {
    try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("SQL resource " + resource + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SqlScript parse(String text) {
    Map<String, String> statements = new LinkedHashMap<>();
    String name = null;
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith(MARKER)) {
        put(statements, name, sql);
        name = line.substring(MARKER.length()).strip();
        sql.setLength(0);
      } else if (name != null && !line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    put(statements, name, sql);
    return new SqlScript(statements);
  }

  /** Runs every statement in order; returns the update count of each by name (settings, {@code SET}, excluded). */
  Map<String, Integer> run(Connection c, Map<String, Object> parameters) throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<String, String> statement : statements.entrySet()) {
      int count = execute(c, statement.getValue(), parameters);
      if (!statement.getValue().startsWith("SET ")) {
        counts.put(statement.getKey(), count);
      }
    }
    return counts;
  }

  /** Runs the named query; every row as its columns' text. */
  List<List<String>> rows(Connection c, String name, Map<String, Object> parameters) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, statements.get(name), parameters);
        java.sql.ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Runs one named statement; its update count. */
  int update(Connection c, String name, Map<String, Object> parameters) throws SQLException {
    return execute(c, statements.get(name), parameters);
  }

  /** Runs the named query and returns its first row's columns as longs. */
  long[] firstRow(Connection c, String name, Map<String, Object> parameters) throws SQLException {
    try (PreparedStatement ps = prepare(c, statements.get(name), parameters);
        java.sql.ResultSet rs = ps.executeQuery()) {
      rs.next();
      long[] row = new long[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rs.getLong(i + 1);
      }
      return row;
    }
  }

  private static int execute(Connection c, String sql, Map<String, Object> parameters) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, parameters)) {
      return ps.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Map<String, Object> parameters)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    Matcher m = PARAMETER.matcher(sql);
    StringBuilder jdbc = new StringBuilder();
    while (m.find()) {
      if (!parameters.containsKey(m.group(1))) {
        throw new IllegalArgumentException("No value for SQL parameter :" + m.group(1));
      }
      values.add(parameters.get(m.group(1)));
      m.appendReplacement(jdbc, "?");
    }
    m.appendTail(jdbc);
    PreparedStatement ps = c.prepareStatement(jdbc.toString());
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
    return ps;
  }

  private static void put(Map<String, String> statements, String name, StringBuilder sql) {
    String text = sql.toString().strip();
    if (name != null && !text.isEmpty()) {
      statements.put(name, text.endsWith(";") ? text.substring(0, text.length() - 1) : text);
    }
  }
}
