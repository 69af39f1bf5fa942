package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Gid parsing. Scenarios: a Shopify gid gives its type and number; text that is not one (another scheme, no or an
 * odd type, no number, a non-digit, more than 18 digits, a trailing part) gives null.
 */
class GidTest {

  @Test
  void aShopifyGidGivesItsTypeAndNumber() {
    assertThat(Gid.parseOrNull("gid://shopify/ProductVariant/123")).isEqualTo(new Gid("ProductVariant", 123));
    assertThat(Gid.parseOrNull("gid://shopify/Model3d/999999999999999999"))
        .isEqualTo(new Gid("Model3d", 999_999_999_999_999_999L));
  }

  @Test
  void otherTextIsNotAGid() {
    for (String text : new String[] {"123", "gid://other/Product/1", "gid://shopify//1", "gid://shopify/Pro-duct/1",
        "gid://shopify/Product/", "gid://shopify/Product/1a", "gid://shopify/Product/1234567890123456789",
        "gid://shopify/Product/1/2", "gid://shopify/Product", ""}) {
      assertThat(Gid.parseOrNull(text)).as(text).isNull();
    }
  }
}
