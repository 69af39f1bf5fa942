package dev.neanelu.batch.catalogingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The top-level members of a line that the catalog keeps in columns of their own besides the whole JSON (in the
 * order of {@code chunk_rows}' typed columns). The line parser reads them on its way through the line, so the
 * database gets them as columns instead of digging each out of the JSON again ({@code ->>} per column per row).
 */
enum Column {
  UPDATED_AT("updatedAt"),
  CREATED_AT("createdAt"),
  TITLE("title"),
  HANDLE("handle"),
  STATUS("status"),
  VENDOR("vendor"),
  PRODUCT_TYPE("productType"),
  SKU("sku"),
  POSITION("position"),
  NAMESPACE("namespace"),
  KEY("key");

  private static final Map<String, Column> BY_MEMBER = new HashMap<>();

  static {
    for (Column column : values()) {
      BY_MEMBER.put(column.member, column);
    }
  }

  private final String member;

  Column(String member) {
    this.member = member;
  }

  /** The member's name in the JSON. */
  String member() {
    return member;
  }

  /** The column kept for a top-level member of this name, or null. */
  static Column ofMember(String name) {
    return BY_MEMBER.get(name);
  }
}
