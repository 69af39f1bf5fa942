package dev.neanelu.simulator.catalog;

/** Shopify global ids ({@code gid://shopify/Product/123}) to and from numeric ids. */
public final class Gid {

  private static final String PREFIX = "gid://shopify/";

  private Gid() {}

  public static String of(String type, long id) {
    return PREFIX + type + "/" + id;
  }

  /** The type part of a gid, or null when the text is not a Shopify gid. */
  public static String type(String gid) {
    if (gid == null || !gid.startsWith(PREFIX)) {
      return null;
    }
    int slash = gid.indexOf('/', PREFIX.length());
    return slash < 0 ? null : gid.substring(PREFIX.length(), slash);
  }

  /** The numeric part of a gid; -1 when it is missing or not a number. */
  public static long id(String gid) {
    if (type(gid) == null) {
      return -1;
    }
    String tail = gid.substring(gid.lastIndexOf('/') + 1);
    int query = tail.indexOf('?');
    try {
      return Long.parseLong(query < 0 ? tail : tail.substring(0, query));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
