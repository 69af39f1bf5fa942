package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Line validation. Scenarios: a child line yields its gid, type and parent; a root line has no parent; blank lines
 * are ignored; malformed JSON, invalid UTF-8, a non-object, a missing or non-gid id, a NUL escape and an over-long
 * line are each rejected with the line number in the message.
 */
class LineValidatorTest {

  @Test
  void aChildLineNamesItsParent() throws Exception {
    StagedLine line = LineValidator.validate(raw(7,
        "{\"id\":\"gid://shopify/ProductVariant/5\",\"sku\":\"A\",\"__parentId\":\"gid://shopify/Product/1\"}"));
    assertThat(line.number()).isEqualTo(7);
    assertThat(line.gid()).isEqualTo(new Gid("ProductVariant", 5));
    assertThat(line.parent()).isEqualTo(new Gid("Product", 1));
  }

  @Test
  void nestedIdsDoNotCountAsTheLinesOwn() throws Exception {
    StagedLine line = LineValidator.validate(raw(1,
        "{\"seo\":{\"id\":\"x\"},\"id\":\"gid://shopify/Product/9\",\"options\":[{\"id\":\"y\"}]}"));
    assertThat(line.gid()).isEqualTo(new Gid("Product", 9));
    assertThat(line.parent()).isNull();
  }

  @Test
  void blankLinesAreIgnored() throws Exception {
    assertThat(LineValidator.validate(raw(3, "  "))).isNull();
  }

  @Test
  void badLinesAreRejectedWithTheirNumber() {
    assertRejected(raw(11, "{\"id\": \"gid://shopify/Product/1\", "), "Line 11: malformed JSON");
    assertRejected(raw(12, "[1,2]"), "Line 12: not a JSON object");
    assertRejected(raw(13, "{\"title\":\"x\"}"), "Line 13: no id");
    assertRejected(raw(14, "{\"id\":\"123\"}"), "Line 14: id is not a Shopify gid");
    assertRejected(raw(15, "{\"id\":\"gid://shopify/Product/1\",\"t\":\"a\\u0000b\"}"), "Line 15: contains a NUL");
    assertRejected(new RawLine(16, 0, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false),
        "Line 16: not valid UTF-8");
    assertRejected(new RawLine(17, 0, "{\"id\":".getBytes(StandardCharsets.UTF_8), true),
        "Line 17: longer than the line limit");
  }

  private void assertRejected(RawLine line, String message) {
    assertThatThrownBy(() -> LineValidator.validate(line))
        .isInstanceOf(MalformedLineException.class)
        .hasMessageStartingWith(message);
  }

  private static RawLine raw(long number, String text) {
    return new RawLine(number, 0, text.getBytes(StandardCharsets.UTF_8), false);
  }
}
