package dev.neanelu.batch.catalogingest;

/**
 * A Shopify global id, {@code gid://shopify/<Type>/<number>}: the catalog keys rows by the number and tells kinds of
 * line (and of parent) apart by the type.
 */
public record Gid(String type, long id) {

  private static final String PREFIX = "gid://shopify/";
  private static final int MAX_DIGITS = 18;

  /**
   * The gid, or null when the text is not one: a type of ASCII letters and digits, then 1 to 18 digits. (Checked
   * by hand rather than with a regular expression: this runs twice for most lines of an export, and the matcher
   * was a fifth of the reading thread's allocations.)
   */
  public static Gid parseOrNull(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      return null;
    }
    int slash = text.indexOf('/', PREFIX.length());
    if (slash <= PREFIX.length() || !all(text, PREFIX.length(), slash, false)) {
      return null;
    }
    int digits = text.length() - slash - 1;
    if (digits < 1 || digits > MAX_DIGITS || !all(text, slash + 1, text.length(), true)) {
      return null;
    }
    return new Gid(text.substring(PREFIX.length(), slash), Long.parseLong(text, slash + 1, text.length(), 10));
  }

  private static boolean all(String text, int from, int to, boolean digitsOnly) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!digit && (digitsOnly || !letter)) {
        return false;
      }
    }
    return true;
  }

  /** The gid as Shopify writes it. */
  public String text() {
    return PREFIX + type + "/" + id;
  }
}
