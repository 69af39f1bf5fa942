package dev.neanelu.simulator.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Shopify's search syntax the simulator understands for {@code products(query:)} and
 * bulk queries: space-separated terms ANDed together, e.g. {@code
 * updated_at:>'2026-01-01T00:00:00Z' status:active}. Supported fields: updated_at, created_at, id
 * (with {@code > >= < <=}), status, vendor, product_type, handle, title, tag, sku. Unknown fields
 * are ignored, as Shopify ignores unknown filters.
 */
public final class ProductSearch {

  private static final Pattern TERM =
      Pattern.compile("(\\w+):(>=|<=|>|<)?\\s*('([^']*)'|\"([^\"]*)\"|(\\S+))");

  private ProductSearch() {}

  public static Predicate<Product> parse(String query) {
    if (query == null || query.isBlank()) {
      return p -> true;
    }
    List<Predicate<Product>> terms = new ArrayList<>();
    Matcher m = TERM.matcher(query);
    while (m.find()) {
      String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
      terms.add(term(m.group(1).toLowerCase(Locale.ROOT), m.group(2), value));
    }
    return p -> terms.stream().allMatch(t -> t.test(p));
  }

  private static Predicate<Product> term(String field, String op, String value) {
    return switch (field) {
      case "updated_at" -> compare(op, epochSeconds(value), Product::updatedAt);
      case "created_at" -> compare(op, epochSeconds(value), Product::createdAt);
      case "id" -> compare(op, Long.parseLong(value.replaceAll("\\D", "")), Product::id);
      case "status" -> p -> anyOf(value).contains(p.status().toLowerCase(Locale.ROOT));
      case "vendor" -> p -> p.vendor().equalsIgnoreCase(value);
      case "product_type" -> p -> p.productType().equalsIgnoreCase(value);
      case "handle" -> p -> p.handle().equals(value);
      case "title" ->
          p -> p.title().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
      case "tag" -> p -> p.tags().stream().anyMatch(t -> t.equalsIgnoreCase(value));
      case "sku" -> p -> p.variants().stream().anyMatch(v -> value.equals(v.sku()));
      default -> p -> true;
    };
  }

  private static List<String> anyOf(String value) {
    return Arrays.asList(value.toLowerCase(Locale.ROOT).split(","));
  }

  private static Predicate<Product> compare(
      String op, long bound, java.util.function.ToLongFunction<Product> field) {
    String o = op == null ? "" : op;
    return p -> {
      long v = field.applyAsLong(p);
      return switch (o) {
        case ">" -> v > bound;
        case ">=" -> v >= bound;
        case "<" -> v < bound;
        case "<=" -> v <= bound;
        default -> v == bound;
      };
    };
  }

  /** Reads ISO instants, offset date-times and plain dates (midnight UTC). */
  static long epochSeconds(String value) {
    try {
      return Instant.parse(value).getEpochSecond();
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(value).toEpochSecond();
      } catch (DateTimeParseException notOffset) {
        return LocalDate.parse(value).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      }
    }
  }
}
