package dev.neanelu.simulator.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.neanelu.simulator.shop.Shop;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * App Bridge session tokens: HS256 JWTs signed with the app's client secret, carrying iss (shop
 * admin URL), dest (shop URL), aud (client id), sub (user id), exp/nbf/iat, jti and sid. Minted for
 * embedded-admin tests and checked again when an app exchanges one for an access token.
 */
public final class SessionTokens {

  /** Clock tolerance on exp and nbf, as Shopify's own library allows. */
  private static final Duration LEEWAY = Duration.ofSeconds(10);

  private final Clock clock;

  public SessionTokens(Clock clock) {
    this.clock = clock;
  }

  public String mint(Shop shop, String userId, String sessionId, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("https://" + shop.domain() + "/admin")
            .claim("dest", "https://" + shop.domain())
            .audience(shop.app().clientId())
            .expirationTime(Date.from(now.plus(ttl)))
            .notBeforeTime(Date.from(now))
            .issueTime(Date.from(now))
            .jwtID(UUID.randomUUID().toString())
            .claim("sid", sessionId != null ? sessionId : UUID.randomUUID().toString());
    if (userId != null) {
      claims.subject(userId);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            claims.build());
    try {
      jwt.sign(new MACSigner(secret(shop)));
    } catch (JOSEException e) {
      throw new IllegalArgumentException(
          "cannot sign with this client secret: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /**
   * Checks a session token for this shop: signature, audience, dest host and time window.
   *
   * @return the verified claims
   * @throws InvalidSessionTokenException when any check fails
   */
  public JWTClaimsSet verify(Shop shop, String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new MACVerifier(secret(shop)))) {
        throw new InvalidSessionTokenException("bad signature");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      if (claims.getExpirationTime() == null
          || now.isAfter(claims.getExpirationTime().toInstant().plus(LEEWAY))
          || (claims.getNotBeforeTime() != null
              && now.isBefore(claims.getNotBeforeTime().toInstant().minus(LEEWAY)))) {
        throw new InvalidSessionTokenException("expired or not yet valid");
      }
      if (!claims.getAudience().contains(shop.app().clientId())) {
        throw new InvalidSessionTokenException("wrong audience");
      }
      String dest = (String) claims.getClaim("dest");
      if (dest == null || !shop.domain().equals(URI.create(dest).getHost())) {
        throw new InvalidSessionTokenException("wrong dest");
      }
      return claims;
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      throw new InvalidSessionTokenException(e.getMessage());
    }
  }

  private static byte[] secret(Shop shop) {
    return shop.app().clientSecret().getBytes(StandardCharsets.UTF_8);
  }
}
