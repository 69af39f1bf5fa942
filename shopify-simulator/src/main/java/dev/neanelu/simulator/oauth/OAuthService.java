package dev.neanelu.simulator.oauth;

import dev.neanelu.simulator.session.InvalidSessionTokenException;
import dev.neanelu.simulator.session.SessionTokens;
import dev.neanelu.simulator.shop.Shop;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopify's OAuth server for the simulated shops: authorization codes, offline tokens (non-expiring
 * or expiring with rotating refresh tokens), online tokens, token exchange of session tokens and
 * migration of non-expiring tokens.
 *
 * <p>Refresh rotation follows Shopify's resilient rule: after a refresh the previous refresh token
 * stays usable (retry after a lost response) until one of its replacements is itself used, and at
 * most for the retry window.
 */
public final class OAuthService {

  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
  private static final String OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
  private static final String ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";
  private static final Duration CODE_TTL = Duration.ofMinutes(10);
  private static final Duration MIGRATION_RETRY = Duration.ofDays(7);

  private final Clock clock;
  private final Lifetimes lifetimes;
  private final SessionTokens sessionTokens;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, AccessToken> access = new ConcurrentHashMap<>();
  private final Map<String, RefreshToken> refresh = new ConcurrentHashMap<>();
  private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
  private final Map<String, Migration> migrations = new ConcurrentHashMap<>();

  public OAuthService(Clock clock, Lifetimes lifetimes, SessionTokens sessionTokens) {
    this.clock = clock;
    this.lifetimes = lifetimes;
    this.sessionTokens = sessionTokens;
  }

  /** An issued access token; {@code expiresAt} null means it never expires. */
  record AccessToken(String token, String shop, String scope, Instant expiresAt, boolean online) {}

  private static final class RefreshToken {
    final String token;
    final String shop;
    final String scope;
    final Instant expiresAt;
    final RefreshToken parent;
    volatile Instant firstUsedAt;
    volatile boolean retired;

    RefreshToken(String token, String shop, String scope, Instant expiresAt, RefreshToken parent) {
      this.token = token;
      this.shop = shop;
      this.scope = scope;
      this.expiresAt = expiresAt;
      this.parent = parent;
    }
  }

  private record AuthCode(String shop, String scope, boolean online, Instant expiresAt) {}

  private record Migration(Map<String, Object> response, Instant until) {}

  /** The outcome of a token request: HTTP status and JSON body. */
  public record TokenResponse(int status, Map<String, Object> body) {}

  /** Registers a ready non-expiring offline token for a shop (installed before the test began). */
  public void registerOfflineToken(Shop shop, String token) {
    access.put(token, new AccessToken(token, shop.domain(), shop.app().scopes(), null, false));
  }

  /** Whether the token may call this shop's Admin API right now. */
  public boolean authenticate(Shop shop, String token) {
    AccessToken t = token == null ? null : access.get(token);
    return t != null
        && t.shop().equals(shop.domain())
        && shop.installed()
        && (t.expiresAt() == null || clock.instant().isBefore(t.expiresAt()));
  }

  /** Uninstalling revokes every token of the shop at once. */
  public void revokeAll(Shop shop) {
    access.values().removeIf(t -> t.shop().equals(shop.domain()));
    refresh.values().removeIf(t -> t.shop.equals(shop.domain()));
  }

  /**
   * Handles {@code /admin/oauth/authorize}: approves at once and returns the redirect target
   * carrying code, hmac, host, shop, state and timestamp.
   */
  public String authorize(Shop shop, Map<String, String> params) {
    if (!shop.app().clientId().equals(params.get("client_id"))) {
      throw new IllegalArgumentException("unknown client_id");
    }
    String redirect = params.get("redirect_uri");
    if (redirect == null) {
      throw new IllegalArgumentException("redirect_uri is required");
    }
    shop.installed(true);
    String code = hex(16);
    boolean online = "per-user".equals(params.get("grant_options[]"));
    String scope = params.getOrDefault("scope", shop.app().scopes());
    codes.put(code, new AuthCode(shop.domain(), scope, online, clock.instant().plus(CODE_TTL)));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("code", code);
    query.put(
        "host",
        Base64.getEncoder()
            .withoutPadding()
            .encodeToString(
                ("admin.shopify.com/store/" + shop.name()).getBytes(StandardCharsets.UTF_8)));
    query.put("shop", shop.domain());
    if (params.get("state") != null) {
      query.put("state", params.get("state"));
    }
    query.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
    query.put("hmac", OAuthHmac.sign(shop.app().clientSecret(), query));
    StringBuilder target = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?');
    query.forEach(
        (k, v) ->
            target
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
    return target.substring(0, target.length() - 1);
  }

  /** Handles {@code POST /admin/oauth/access_token} for every grant type. */
  public TokenResponse token(Shop shop, Map<String, String> params) {
    if (!shop.app().clientId().equals(params.get("client_id"))
        || !shop.app().clientSecret().equals(params.get("client_secret"))) {
      return error(401, "invalid_client", "Client authentication failed");
    }
    String grant = params.getOrDefault("grant_type", "authorization_code");
    return switch (grant) {
      case "authorization_code" -> codeGrant(shop, params);
      case "refresh_token" -> refreshGrant(shop, params);
      case TOKEN_EXCHANGE -> exchange(shop, params);
      default -> error(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
    };
  }

  private TokenResponse codeGrant(Shop shop, Map<String, String> params) {
    AuthCode code = params.get("code") == null ? null : codes.remove(params.get("code"));
    if (code == null
        || !code.shop().equals(shop.domain())
        || clock.instant().isAfter(code.expiresAt())) {
      return error(
          400, "invalid_request", "The authorization code was not found or was already used");
    }
    shop.stats().authorizationCodeGrants.incrementAndGet();
    if (code.online()) {
      return new TokenResponse(200, online(shop, code.scope()));
    }
    return new TokenResponse(
        200, offline(shop, code.scope(), "1".equals(params.get("expiring")), null));
  }

  private TokenResponse refreshGrant(Shop shop, Map<String, String> params) {
    RefreshToken used =
        params.get("refresh_token") == null ? null : refresh.get(params.get("refresh_token"));
    Instant now = clock.instant();
    if (used == null
        || !used.shop.equals(shop.domain())
        || used.retired
        || now.isAfter(used.expiresAt)
        || (used.firstUsedAt != null
            && now.isAfter(used.firstUsedAt.plus(lifetimes.refreshRetryWindow)))) {
      shop.stats().tokenRefreshFailures.incrementAndGet();
      return error(
          400, "invalid_grant", "The refresh token is invalid, expired or was rotated out");
    }
    shop.stats().tokenRefreshes.incrementAndGet();
    if (used.firstUsedAt == null) {
      used.firstUsedAt = now;
    }
    if (used.parent != null) {
      // Using a replacement retires the token it replaced: the lost-response retry window is over.
      used.parent.retired = true;
    }
    return new TokenResponse(200, offline(shop, used.scope, true, used));
  }

  private TokenResponse exchange(Shop shop, Map<String, String> params) {
    String subjectType = params.get("subject_token_type");
    String subject = params.get("subject_token");
    boolean expiring = "1".equals(params.get("expiring"));
    shop.stats().tokenExchanges.incrementAndGet();
    if (OFFLINE.equals(subjectType)) {
      return migrate(shop, subject);
    }
    if (!ID_TOKEN.equals(subjectType)) {
      return error(400, "invalid_request", "Unsupported subject_token_type");
    }
    try {
      sessionTokens.verify(shop, subject);
    } catch (InvalidSessionTokenException e) {
      return error(400, "invalid_subject_token", e.getMessage());
    }
    shop.installed(true);
    if (ONLINE.equals(params.get("requested_token_type"))) {
      return new TokenResponse(200, online(shop, shop.app().scopes()));
    }
    return new TokenResponse(200, offline(shop, shop.app().scopes(), expiring, null));
  }

  /**
   * Migrates a non-expiring offline token to an expiring pair; retries within 7 days return the
   * same pair.
   */
  private TokenResponse migrate(Shop shop, String oldToken) {
    Migration earlier = oldToken == null ? null : migrations.get(oldToken);
    if (earlier != null && clock.instant().isBefore(earlier.until())) {
      return new TokenResponse(200, earlier.response());
    }
    AccessToken old = oldToken == null ? null : access.get(oldToken);
    if (old == null
        || old.expiresAt() != null
        || old.online()
        || !old.shop().equals(shop.domain())) {
      return error(
          400, "invalid_subject_token", "Not a non-expiring offline access token of this shop");
    }
    Map<String, Object> response = offline(shop, old.scope(), true, null);
    access.remove(oldToken);
    migrations.put(oldToken, new Migration(response, clock.instant().plus(MIGRATION_RETRY)));
    return new TokenResponse(200, response);
  }

  private Map<String, Object> offline(
      Shop shop, String scope, boolean expiring, RefreshToken parent) {
    Instant now = clock.instant();
    String token = "shpat_" + hex(16);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token);
    body.put("scope", scope);
    if (!expiring) {
      access.put(token, new AccessToken(token, shop.domain(), scope, null, false));
      return body;
    }
    access.put(
        token,
        new AccessToken(token, shop.domain(), scope, now.plus(lifetimes.accessToken), false));
    String refreshToken = "shprt_" + hex(16);
    Instant refreshExpiry = parent != null ? parent.expiresAt : now.plus(lifetimes.refreshToken);
    refresh.put(
        refreshToken, new RefreshToken(refreshToken, shop.domain(), scope, refreshExpiry, parent));
    body.put("expires_in", lifetimes.accessToken.toSeconds());
    body.put("refresh_token", refreshToken);
    body.put(
        "refresh_token_expires_in", Math.max(0, Duration.between(now, refreshExpiry).toSeconds()));
    return body;
  }

  private Map<String, Object> online(Shop shop, String scope) {
    String token = "shpua_" + hex(16);
    access.put(
        token,
        new AccessToken(
            token, shop.domain(), scope, clock.instant().plus(lifetimes.onlineToken), true));
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", 902541635L);
    user.put("first_name", "Sim");
    user.put("last_name", "Owner");
    user.put("email", "owner@" + shop.domain());
    user.put("email_verified", true);
    user.put("account_owner", true);
    user.put("locale", "en");
    user.put("collaborator", false);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token);
    body.put("scope", scope);
    body.put("expires_in", lifetimes.onlineToken.toSeconds());
    body.put("associated_user_scope", scope);
    body.put("associated_user", user);
    return body;
  }

  private static TokenResponse error(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return new TokenResponse(status, body);
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
