package dev.neanelu.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.neanelu.shared.InvalidValueException;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.token.AppCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Verifies App Bridge session tokens (shopify-facts §5): HS256 only, signed with the app's client secret (every other
 * {@code alg}, {@code none} included, is refused before any signature check); {@code aud} is the client id;
 * {@code exp} and {@code nbf} hold with {@value #LEEWAY_SECONDS} s of clock leeway; the {@code iss} host equals the
 * {@code dest} host, and that host is a valid shop domain. JWT parsing and MAC checking are nimbus-jose-jwt's.
 */
public final class SessionTokenVerifier {

  static final long LEEWAY_SECONDS = 10;
  private static final Duration LEEWAY = Duration.ofSeconds(LEEWAY_SECONDS);

  private final AppCredentials app;
  private final Clock clock;

  public SessionTokenVerifier(AppCredentials app, Clock clock) {
    this.app = app;
    this.clock = clock;
  }

  /** @throws InvalidSessionTokenException naming the failed check */
  public SessionToken verify(String token) {
    SignedJWT jwt = signed(token);
    JWTClaimsSet claims = claims(jwt);
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null || now.isAfter(exp.toInstant().plus(LEEWAY))) {
      throw new InvalidSessionTokenException("session token expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant().minus(LEEWAY))) {
      throw new InvalidSessionTokenException("session token not yet valid");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(app.clientId())) {
      throw new InvalidSessionTokenException("session token is for another app (aud)");
    }
    ShopDomain shop = shop(claims);
    return new SessionToken(shop, claims.getSubject(), exp.toInstant(), token);
  }

  private SignedJWT signed(String token) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidSessionTokenException("not a signed JWT");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidSessionTokenException("session token algorithm must be HS256");
    }
    try {
      if (!jwt.verify(new MACVerifier(app.clientSecret().getBytes(StandardCharsets.UTF_8)))) {
        throw new InvalidSessionTokenException("session token signature does not verify");
      }
    } catch (JOSEException e) {
      // Also a client secret shorter than 256 bits: a configuration error, reported without the secret.
      throw new InvalidSessionTokenException("session token signature cannot be verified");
    }
    return jwt;
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidSessionTokenException("session token claims are malformed");
    }
  }

  private static ShopDomain shop(JWTClaimsSet claims) {
    String issHost = host(claims.getIssuer());
    String destHost = host(claims.getClaim("dest") instanceof String d ? d : null);
    if (destHost == null || !destHost.equals(issHost)) {
      throw new InvalidSessionTokenException("session token iss and dest hosts differ");
    }
    try {
      return new ShopDomain(destHost);
    } catch (InvalidValueException e) {
      throw new InvalidSessionTokenException("session token dest is not a shop domain");
    }
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      return "https".equals(uri.getScheme()) ? uri.getHost() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
