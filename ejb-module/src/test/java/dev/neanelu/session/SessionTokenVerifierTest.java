package dev.neanelu.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.neanelu.token.AppCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Session-token verification (shopify-facts §5), one case each:
 *
 * <ul>
 *   <li>valid → the shop from {@code dest}; expired 5 s ago (inside the 10 s leeway) → valid;
 *   <li>expired 11 s ago, {@code nbf} 11 s ahead → rejected;
 *   <li>wrong {@code aud}, signed with another secret, {@code alg: none}, HS512 → rejected;
 *   <li>{@code dest} host ≠ {@code iss} host, {@code dest} not a shop domain, garbage → rejected.
 * </ul>
 */
class SessionTokenVerifierTest {

  private static final String SECRET = "shpss_0123456789abcdef0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final SessionTokenVerifier VERIFIER =
      new SessionTokenVerifier(new AppCredentials("client-id", SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void validTokenNamesTheShopOfDest() {
    SessionToken token = VERIFIER.verify(sign(SECRET, JWSAlgorithm.HS256, c -> {}));
    assertThat(token.shop().value()).isEqualTo("acme.myshopify.com");
    assertThat(token.userId()).isEqualTo("42");
    assertThat(token.toString()).doesNotContain(token.raw());
  }

  @Test
  void leewayIsTenSeconds() {
    VERIFIER.verify(sign(SECRET, JWSAlgorithm.HS256, c -> c.expirationTime(Date.from(NOW.minusSeconds(5)))));
    rejected(sign(SECRET, JWSAlgorithm.HS256, c -> c.expirationTime(Date.from(NOW.minusSeconds(11)))), "expired");
    rejected(sign(SECRET, JWSAlgorithm.HS256, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(11)))), "not yet");
  }

  @Test
  void wrongAudienceSignatureOrAlgorithmIsRejected() {
    rejected(sign(SECRET, JWSAlgorithm.HS256, c -> c.audience("other-app")), "aud");
    rejected(sign(SECRET.replace('0', '1'), JWSAlgorithm.HS256, c -> {}), "signature");
    rejected(new PlainJWT(claims(c -> {})).serialize(), "JWT");
    rejected(sign(SECRET + SECRET, JWSAlgorithm.HS512, c -> {}), "HS256");
  }

  @Test
  void destMustBeTheIssuersShop() {
    rejected(sign(SECRET, JWSAlgorithm.HS256, c -> c.claim("dest", "https://other.myshopify.com")), "iss and dest");
    rejected(
        sign(SECRET, JWSAlgorithm.HS256, c -> c.issuer("https://evil.com/admin").claim("dest", "https://evil.com")),
        "not a shop domain");
    rejected("not.a.jwt", "JWT");
  }

  private static void rejected(String token, String reason) {
    assertThatThrownBy(() -> VERIFIER.verify(token))
        .isInstanceOf(InvalidSessionTokenException.class)
        .hasMessageContaining(reason)
        .message()
        .doesNotContain(token);
  }

  private static String sign(String secret, JWSAlgorithm alg, Consumer<JWTClaimsSet.Builder> change) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims(change));
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder b =
        new JWTClaimsSet.Builder()
            .issuer("https://acme.myshopify.com/admin")
            .claim("dest", "https://acme.myshopify.com")
            .audience("client-id")
            .subject("42")
            .expirationTime(Date.from(NOW.plusSeconds(60)))
            .notBeforeTime(Date.from(NOW.minusSeconds(1)))
            .issueTime(Date.from(NOW.minusSeconds(1)));
    change.accept(b);
    return b.build();
  }
}
