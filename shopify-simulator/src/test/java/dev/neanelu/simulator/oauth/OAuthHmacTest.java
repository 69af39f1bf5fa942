package dev.neanelu.simulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth HMAC test vectors of shopify-facts.md §9 (client secret {@code hush}). */
class OAuthHmacTest {

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void vectorWithoutState() {
    Map<String, String> p =
        params(
            "timestamp",
            "1337178173",
            "shop",
            "some-shop.myshopify.com",
            "code",
            "0907a61c0c8d55e99db179b68161bc00");
    assertThat(OAuthHmac.message(p))
        .isEqualTo(
            "code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&timestamp=1337178173");
    assertThat(OAuthHmac.sign("hush", p))
        .isEqualTo("4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20");
  }

  @Test
  void vectorWithState() {
    Map<String, String> p =
        params(
            "code",
            "0907a61c0c8d55e99db179b68161bc00",
            "shop",
            "some-shop.myshopify.com",
            "state",
            "0.6784241404160823",
            "timestamp",
            "1337178173",
            "hmac",
            "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
    assertThat(OAuthHmac.sign("hush", p))
        .isEqualTo("700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
    assertThat(OAuthHmac.verify("hush", p)).isTrue();
    p.put("state", "tampered");
    assertThat(OAuthHmac.verify("hush", p)).isFalse();
  }
}
