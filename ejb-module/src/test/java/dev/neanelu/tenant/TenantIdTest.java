package dev.neanelu.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UUIDv7 layout of new tenant ids, and the shop-domain allowlist (valid, normalised, hostile). */
class TenantIdTest {

  @Test
  void newIdsAreVersion7WithRfcVariantAndCarryTheirCreationTime() {
    long before = System.currentTimeMillis();
    UUID id = TenantId.newId().value();
    long after = System.currentTimeMillis();
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
  }

  @Test
  void shopDomainIsNormalised() {
    assertThat(ShopDomain.parse("  My-Shop.MyShopify.com ").value()).isEqualTo("my-shop.myshopify.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"evil.com", "a.myshopify.com.evil.com", "-x.myshopify.com", "a_b.myshopify.com", ".myshopify.com", ""})
  void hostileShopDomainsAreRejected(String raw) {
    assertThatThrownBy(() -> ShopDomain.parse(raw)).isInstanceOf(IllegalArgumentException.class);
  }
}
