package dev.neanelu.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables that hold tenant rows, read from the database catalog rather than kept by hand: every ordinary or
 * partitioned table (not a partition) outside the system schemas with a {@code shop_id} column. A table added by a
 * later migration is covered without anyone remembering this list.
 */
final class TenantTables {

  private static final String TABLES =
      "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'shop_id' AND NOT a.attisdropped"
          + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't'"
          + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
          + " ORDER BY 1";
  private static final String REFERENCES =
      "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
          + " WHERE contype = 'f' AND conrelid <> confrelid";

  private TenantTables() {}

  /** The tenant tables, each after every tenant table that references it (so deleting in this order never blocks). */
  static List<String> inDeletionOrder(Connection c) throws SQLException {
    Set<String> tables = new LinkedHashSet<>(column(c));
    Map<String, Set<String>> referencedBy = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(REFERENCES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (tables.contains(rs.getString(1)) && tables.contains(rs.getString(2))) {
          referencedBy.computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(rs.getString(1));
        }
      }
    }
    return order(tables, referencedBy);
  }

  /** Depth-first: a table comes after the tables referencing it. */
  static List<String> order(Set<String> tables, Map<String, Set<String>> referencedBy) {
    List<String> ordered = new ArrayList<>();
    Set<String> visiting = new HashSet<>();
    for (String table : tables) {
      visit(table, referencedBy, visiting, ordered);
    }
    return ordered;
  }

  private static void visit(
      String table, Map<String, Set<String>> referencedBy, Set<String> visiting, List<String> ordered) {
    if (ordered.contains(table) || !visiting.add(table)) {
      return;
    }
    for (String referencing : referencedBy.getOrDefault(table, Set.of())) {
      visit(referencing, referencedBy, visiting, ordered);
    }
    ordered.add(table);
  }

  private static List<String> column(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(TABLES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
