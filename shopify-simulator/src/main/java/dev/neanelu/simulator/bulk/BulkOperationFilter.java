package dev.neanelu.simulator.bulk;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search filter of {@code bulkOperations(query:)}: {@code status}, {@code operation_type} (and
 * the guide's {@code type}), {@code id} and {@code created_at} with comparison operators, ANDed.
 */
final class BulkOperationFilter {

  private static final Pattern FILTER = Pattern.compile("(\\w+):(>=|<=|>|<)?'?([^\\s']+)'?");

  private BulkOperationFilter() {}

  static boolean matches(BulkOperation op, String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    Matcher m = FILTER.matcher(query);
    while (m.find()) {
      String field = m.group(1).toLowerCase(Locale.ROOT);
      String value = m.group(3).toLowerCase(Locale.ROOT);
      boolean ok =
          switch (field) {
            case "status" -> op.status().name().equalsIgnoreCase(value);
            case "operation_type", "type" -> op.type().name().equalsIgnoreCase(value);
            case "id" -> String.valueOf(op.id()).equals(value.replaceAll("\\D", ""));
            case "created_at" -> compare(m.group(2), op.createdAt().getEpochSecond(), m.group(3));
            default -> true;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean compare(String op, long actual, String value) {
    long bound = epoch(value);
    return switch (op == null ? "" : op) {
      case ">" -> actual > bound;
      case ">=" -> actual >= bound;
      case "<" -> actual < bound;
      case "<=" -> actual <= bound;
      default -> actual == bound;
    };
  }

  private static long epoch(String value) {
    try {
      return Instant.parse(value).getEpochSecond();
    } catch (RuntimeException e) {
      return java.time.LocalDate.parse(value)
          .atStartOfDay()
          .toEpochSecond(java.time.ZoneOffset.UTC);
    }
  }
}
