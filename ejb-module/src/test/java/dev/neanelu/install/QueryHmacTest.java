package dev.neanelu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OAuth query HMAC (shopify-facts §4 and the §9 vectors, secret {@code hush}):
 *
 * <ul>
 *   <li>the official vectors without and with {@code state} verify;
 *   <li>a changed parameter, a changed or missing hmac → rejected (authentication);
 *   <li>a timestamp 91 s old or ahead → rejected; 89 s → accepted;
 *   <li>the message encodes spaces as {@code %20}, sorts keys, drops {@code hmac} and {@code signature}.
 * </ul>
 */
class QueryHmacTest {

  private static final Clock AT_VECTOR = Clock.fixed(Instant.ofEpochSecond(1337178173), ZoneOffset.UTC);

  @Test
  void officialVectorsVerify() throws Exception {
    QueryHmac.verify(vector(null, "4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20"), "hush", AT_VECTOR);
    QueryHmac.verify(
        vector("0.6784241404160823", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"),
        "hush",
        AT_VECTOR);
  }

  @Test
  void tamperedParameterOrHmacIsRejected() {
    Map<String, List<String>> query = vector(null, "4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20");
    query.put("shop", List.of("other-shop.myshopify.com"));
    assertThatThrownBy(() -> QueryHmac.verify(query, "hush", AT_VECTOR)).hasMessageContaining("does not verify");
    Map<String, List<String>> wrong = vector(null, "5712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20");
    assertThatThrownBy(() -> QueryHmac.verify(wrong, "hush", AT_VECTOR)).hasMessageContaining("does not verify");
    Map<String, List<String>> missing = vector(null, null);
    assertThatThrownBy(() -> QueryHmac.verify(missing, "hush", AT_VECTOR)).hasMessageContaining("missing");
  }

  @Test
  void timestampMustBeWithin90Seconds() throws Exception {
    Map<String, List<String>> query = vector(null, "4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20");
    QueryHmac.verify(query, "hush", Clock.offset(AT_VECTOR, java.time.Duration.ofSeconds(89)));
    assertThatThrownBy(() -> QueryHmac.verify(query, "hush", Clock.offset(AT_VECTOR, java.time.Duration.ofSeconds(91))))
        .isInstanceOf(InstallRejectedException.class)
        .hasMessageContaining("timestamp");
    assertThatThrownBy(
            () -> QueryHmac.verify(query, "hush", Clock.offset(AT_VECTOR, java.time.Duration.ofSeconds(-91))))
        .hasMessageContaining("timestamp");
  }

  @Test
  void messageSortsEncodesWithPercent20AndDropsSignatures() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("shop", List.of("a.myshopify.com"));
    query.put("hmac", List.of("x"));
    query.put("signature", List.of("y"));
    query.put("host", List.of("a b+c"));
    assertThat(QueryHmac.message(query)).isEqualTo("host=a%20b%2Bc&shop=a.myshopify.com");
  }

  private static Map<String, List<String>> vector(String state, String hmac) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("code", List.of("0907a61c0c8d55e99db179b68161bc00"));
    query.put("shop", List.of("some-shop.myshopify.com"));
    if (state != null) {
      query.put("state", List.of(state));
    }
    query.put("timestamp", List.of("1337178173"));
    if (hmac != null) {
      query.put("hmac", List.of(hmac));
    }
    return query;
  }
}
