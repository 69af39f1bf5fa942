package dev.neanelu.batch.catalogingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify global id, {@code gid://shopify/<Type>/<number>}: the catalog keys rows by the number and tells kinds of
 * line (and of parent) apart by the type.
 */
public record Gid(String type, long id) {

  private static final Pattern FORMAT = Pattern.compile("gid://shopify/([A-Za-z0-9]+)/(\\d{1,18})");

  /** The gid, or null when the text is not one. */
  public static Gid parseOrNull(String text) {
    Matcher m = FORMAT.matcher(text);
    return m.matches() ? new Gid(m.group(1), Long.parseLong(m.group(2))) : null;
  }

}
