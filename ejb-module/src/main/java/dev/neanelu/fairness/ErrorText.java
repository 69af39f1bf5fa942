package dev.neanelu.fairness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error text kept with a failed item and shown to operators: the exception's class and message (of the cause
 * chain's first three links), never a stack trace, shortened, with anything shaped like a Shopify token or a bearer
 * credential blanked out, because messages of third-party libraries sometimes quote requests.
 */
public final class ErrorText {

  static final int MAX_LENGTH = 2000;
  private static final Pattern SECRETS =
      Pattern.compile("(shp(?:at|ca|pa|ss|ua|rt)_)[A-Za-z0-9]+|((?i)bearer\\s+|access_?token[\"'=:\\s]+)[^\\s\"',}]+");

  private ErrorText() {}

  public static String of(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
      if (depth > 0) {
        text.append(" <- ");
      }
      text.append(t.getClass().getName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
    }
    return shorten(redact(text.toString()));
  }

  static String redact(String text) {
    return SECRETS.matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement((m.group(1) != null ? m.group(1) : m.group(2)) + "[redacted]"));
  }

  private static String shorten(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}
