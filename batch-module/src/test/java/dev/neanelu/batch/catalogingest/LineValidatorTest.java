package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Line validation. Scenarios: a child line yields its gid, type and parent; a root line has no parent; the typed
 * columns are read from the top level only (dates as instants, an integer position), null for JSON null and for a
 * position that is not an integer; a trailing
 * {@code __parentId} is marked for cutting at its comma (whatever the spacing), any other placement for SQL; blank
 * lines are ignored; malformed JSON, two values on a line, invalid UTF-8 (also after valid multi-byte text), a
 * non-object, a date that is not one, a missing or non-gid id and an over-long line are each rejected with the line
 * number. A NUL escape in a value, a nested value or a member name is rewritten in place to U+FFFD (in the stored
 * bytes and in the typed columns, also right after an escaped backslash and in a line with multi-byte text) and
 * warned about with the JSON pointer of each string that held one; an escaped
 * backslash before {@code u0000} is left alone, without a warning. A rejected line still names the ids it held before
 * it broke, and none when its id was unreadable.
 */
class LineValidatorTest {

  private final LineValidator validator = new LineValidator();

  @Test
  void aChildLineNamesItsParent() throws Exception {
    StagedLine line = validator.validate(raw(7,
        "{\"id\":\"gid://shopify/ProductVariant/5\",\"sku\":\"A\",\"__parentId\":\"gid://shopify/Product/1\"}"));
    assertThat(line.number()).isEqualTo(7);
    assertThat(line.gid()).isEqualTo(new Gid("ProductVariant", 5));
    assertThat(line.parent()).isEqualTo(new Gid("Product", 1));
  }

  @Test
  void nestedIdsDoNotCountAsTheLinesOwn() throws Exception {
    StagedLine line = validator.validate(raw(1,
        "{\"seo\":{\"id\":\"x\"},\"id\":\"gid://shopify/Product/9\",\"options\":[{\"id\":\"y\"}]}"));
    assertThat(line.gid()).isEqualTo(new Gid("Product", 9));
    assertThat(line.parent()).isNull();
  }

  @Test
  void typedColumnsComeFromTheTopLevel() throws Exception {
    StagedLine line = validator.validate(raw(2,
        "{\"id\":\"gid://shopify/Product/9\",\"title\":\"Caf\u00e9 \\\"A\\\"\",\"vendor\":null,"
            + "\"seo\":{\"title\":\"nested\"},\"updatedAt\":\"2026-01-01T01:00:00+01:00\","
            + "\"createdAt\":\"2025-12-31T23:59:59.5Z\",\"position\":1.5,\"sku\":12}"));
    assertThat(line.columns()[Column.TITLE.ordinal()]).isEqualTo("Caf\u00e9 \"A\"");
    assertThat(line.columns()[Column.VENDOR.ordinal()]).isNull();
    assertThat(line.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(line.columns()[Column.CREATED_AT.ordinal()]).isEqualTo(Instant.parse("2025-12-31T23:59:59.5Z"));
    assertThat(line.columns()[Column.POSITION.ordinal()]).isNull();
    assertThat(line.columns()[Column.SKU.ordinal()]).isEqualTo("12");
    assertThat(line.columns()[Column.HANDLE.ordinal()]).isNull();
    StagedLine variant = validator.validate(raw(3, "{\"id\":\"gid://shopify/ProductVariant/4\",\"position\":3}"));
    assertThat(variant.columns()[Column.POSITION.ordinal()]).isEqualTo(3);
  }

  @Test
  void aTrailingParentIdIsCutAtItsComma() throws Exception {
    String json = "{\"id\":\"gid://shopify/Metafield/5\" ,\n \"__parentId\":\"gid://shopify/Product/1\"} ";
    StagedLine line = validator.validate(raw(1, json));
    assertThat(line.cutAt()).isEqualTo(json.indexOf(','));
    assertThat(line.parentInside()).isFalse();

    StagedLine inside = validator.validate(raw(2,
        "{\"__parentId\":\"gid://shopify/Product/1\",\"id\":\"gid://shopify/Metafield/6\"}"));
    assertThat(inside.cutAt()).isEqualTo(-1);
    assertThat(inside.parentInside()).isTrue();

    StagedLine root = validator.validate(raw(3, "{\"id\":\"gid://shopify/Product/1\"}"));
    assertThat(root.cutAt()).isEqualTo(-1);
    assertThat(root.parentInside()).isFalse();
  }

  @Test
  void anEscapedBackslashBeforeU0000IsNotANul() throws Exception {
    String json = "{\"id\":\"gid://shopify/Product/1\",\"t\":\"C:\\\\u0000\"}";
    RawLine raw = raw(4, json);
    StagedLine line = validator.validate(raw);
    assertThat(line.gid()).isEqualTo(new Gid("Product", 1));
    assertThat(line.warning()).isNull();
    assertThat(new String(raw.bytes(), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void nulIsStoredAsTheReplacementCharacterWithAWarning() throws Exception {
    RawLine raw = raw(5, "{\"id\":\"gid://shopify/Product/1\",\"title\":\"a\\u0000b\\u0000\",\"vendor\":\"ok\","
        + "\"seo\":{\"description\":\"\\u0001\\u0000\"},\"tags\":[\"x\",\"\\u0000\"],\"k\\u0000\":1}");
    StagedLine line = validator.validate(raw);
    assertThat(new String(raw.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"gid://shopify/Product/1\",\"title\":\"a\\ufffdb\\ufffd\",\"vendor\":\"ok\","
            + "\"seo\":{\"description\":\"\\u0001\\ufffd\"},\"tags\":[\"x\",\"\\ufffd\"],\"k\\ufffd\":1}");
    assertThat(line.columns()[Column.TITLE.ordinal()]).isEqualTo("a\uFFFDb\uFFFD");
    assertThat(line.warning().fields()).containsExactly("/title", "/seo/description", "/tags/1", "/k\uFFFD");
    RawLine afterBackslash = raw(7, "{\"id\":\"gid://shopify/Product/3\",\"title\":\"caf\u00e9 \\\\\\u0000\"}");
    assertThat(validator.validate(afterBackslash).columns()[Column.TITLE.ordinal()]).isEqualTo("caf\u00e9 \\\uFFFD");
    StagedLine clean = validator.validate(raw(6, "{\"id\":\"gid://shopify/Product/2\",\"title\":\"\\u0001\"}"));
    assertThat(clean.warning()).isNull();
  }

  @Test
  void aRejectedLineNamesTheIdsItHeldBeforeItBroke() {
    assertThat(ReadableIds.of(bytes("{\"id\":\"gid://shopify/Product/7\",\"title\":\"cut")))
        .isEqualTo(new ReadableIds(new Gid("Product", 7), null));
    ReadableIds child = ReadableIds.of(bytes(
        "{\"id\":\"gid://shopify/Metafield/3\",\"__parentId\":\"gid://shopify/ProductVariant/2\",\"v\":"));
    assertThat(child.kind()).isEqualTo(LineKind.METAFIELD);
    assertThat(ReadableIds.of(bytes("{\"id\":\"gid://shopify/Metafield/3\",")).kind()).isEqualTo(LineKind.METAFIELD);
    assertThat(ReadableIds.of(bytes("{\"id\":\"gid://shopify/MediaImage/3\"")).kind()).isEqualTo(LineKind.MEDIA);
    assertThat(ReadableIds.of(bytes("{\"title\":\"x\",\"id\":\"gid://sho")).gid()).isNull();
    assertThat(ReadableIds.of(bytes("not json")).gid()).isNull();
    assertThat(ReadableIds.of(bytes("{\"id\":\"123\"}")).kind()).isNull();
  }

  @Test
  void blankLinesAreIgnored() throws Exception {
    assertThat(validator.validate(raw(3, "  "))).isNull();
  }

  @Test
  void badLinesAreRejectedWithTheirNumber() {
    assertRejected(raw(11, "{\"id\": \"gid://shopify/Product/1\", "), "Line 11: malformed JSON");
    assertRejected(raw(12, "[1,2]"), "Line 12: not a JSON object");
    assertRejected(raw(13, "{\"title\":\"x\"}"), "Line 13: no id");
    assertRejected(raw(14, "{\"id\":\"123\"}"), "Line 14: id is not a Shopify gid");
    assertRejected(new RawLine(16, 0, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false),
        "Line 16: not valid UTF-8");
    assertRejected(raw(20, "{\"id\":\"gid://shopify/Product/1\",\"updatedAt\":\"yesterday\"}"),
        "Line 20: updatedAt is not an ISO-8601 date-time");
    assertRejected(raw(21, "{\"id\":\"gid://shopify/Product/1\",\"createdAt\":5}"),
        "Line 21: createdAt is not an ISO-8601 date-time");
    assertRejected(raw(18, "{\"id\":\"gid://shopify/Product/1\"} {}"), "Line 18: malformed JSON");
    byte[] surrogate = "{\"id\":\"gid://shopify/Product/1\",\"t\":\"\u00e9 ???\"}".getBytes(StandardCharsets.UTF_8);
    int mark = new String(surrogate, StandardCharsets.UTF_8).indexOf('?') + 1; // after the 2-byte é
    surrogate[mark] = (byte) 0xED;
    surrogate[mark + 1] = (byte) 0xA0;
    surrogate[mark + 2] = (byte) 0x80;
    assertRejected(new RawLine(19, 0, surrogate, false), "Line 19: not valid UTF-8");
    assertRejected(new RawLine(17, 0, "{\"id\":".getBytes(StandardCharsets.UTF_8), true),
        "Line 17: longer than the line limit");
  }

  private void assertRejected(RawLine line, String message) {
    assertThatThrownBy(() -> validator.validate(line))
        .isInstanceOf(MalformedLineException.class)
        .hasMessageStartingWith(message);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static RawLine raw(long number, String text) {
    return new RawLine(number, 0, text.getBytes(StandardCharsets.UTF_8), false);
  }
}
