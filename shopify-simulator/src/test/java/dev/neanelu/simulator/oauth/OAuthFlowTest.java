package dev.neanelu.simulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimClient;
import dev.neanelu.simulator.SimulatorOptions;
import dev.neanelu.simulator.control.ShopInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OAuth, token lifetimes and session tokens, on a frozen clock moved by hand.
 *
 * <ul>
 *   <li>authorize redirects with code, hmac, host, shop, state, timestamp; the hmac verifies;
 *   <li>code grant with expiring=1: expires_in, refresh_token, refresh_token_expires_in; a code
 *       works once;
 *   <li>refresh rotation: the old refresh token stays usable until its replacement is used, then
 *       fails;
 *   <li>expired access tokens get 401; refresh counters count;
 *   <li>token exchange of a session token (offline and online) and migration of a non-expiring
 *       token;
 *   <li>minted session tokens are HS256 with Shopify's claims; uninstall revokes tokens.
 * </ul>
 */
class OAuthFlowTest {

  private static ShopifySimulator sim;
  private static SimClient client;

  @BeforeAll
  static void start() {
    Clock frozen = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
    sim =
        ShopifySimulator.start(
            SimulatorOptions.defaults().clock(frozen).accessTokenTtl(Duration.ofMinutes(5)));
    client = new SimClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static ShopInfo shop(String name) {
    return sim.control().createShop(ShopSpec.named(name));
  }

  private static Map<String, String> query(String uri) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : URI.create(uri).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String code(ShopInfo shop) {
    HttpResponse<String> r =
        client.get(
            "/shops/"
                + shop.domain()
                + "/admin/oauth/authorize?client_id="
                + shop.clientId()
                + "&scope=read_products&redirect_uri="
                + URLEncoder.encode("https://app.example/auth/callback", StandardCharsets.UTF_8)
                + "&state=nonce-1");
    assertThat(r.statusCode()).isEqualTo(302);
    return query(r.headers().firstValue("Location").orElseThrow()).get("code");
  }

  private static JsonNode token(ShopInfo shop, Map<String, Object> body) {
    Map<String, Object> b = new LinkedHashMap<>(body);
    b.put("client_id", shop.clientId());
    b.put("client_secret", shop.clientSecret());
    HttpResponse<String> r =
        client.post("/shops/" + shop.domain() + "/admin/oauth/access_token", b);
    JsonNode json = SimClient.tree(r.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_status", r.statusCode());
    return json;
  }

  private static int call(ShopInfo shop, String accessToken) {
    return client
        .graphqlRaw(shop.domain(), accessToken, "{ shop { name } }", Map.of())
        .statusCode();
  }

  @Test
  void authorizeRedirectCarriesAVerifiableHmac() {
    ShopInfo shop = shop("oauth-redirect");
    HttpResponse<String> r =
        client.get(
            "/shops/oauth-redirect/admin/oauth/authorize?client_id="
                + shop.clientId()
                + "&scope=read_products&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=abc");
    Map<String, String> params = query(r.headers().firstValue("Location").orElseThrow());
    assertThat(params.keySet())
        .containsExactlyInAnyOrder("code", "hmac", "host", "shop", "state", "timestamp");
    assertThat(params.get("shop")).isEqualTo("oauth-redirect.myshopify.com");
    assertThat(params.get("state")).isEqualTo("abc");
    assertThat(params.get("timestamp"))
        .isEqualTo(String.valueOf(sim.control().now().getEpochSecond()));
    assertThat(OAuthHmac.verify(shop.clientSecret(), params)).isTrue();
  }

  @Test
  void expiringOfflineTokenRefreshesWithRotation() {
    ShopInfo shop = shop("oauth-refresh");
    String code = code(shop);
    JsonNode first = token(shop, Map.of("code", code, "expiring", "1"));
    assertThat(first.get("expires_in").asLong()).isEqualTo(300);
    assertThat(first.get("refresh_token_expires_in").asLong())
        .isEqualTo(Duration.ofDays(90).toSeconds());
    assertThat(call(shop, first.get("access_token").asText())).isEqualTo(200);
    assertThat(token(shop, Map.of("code", code)).get("_status").asInt()).isEqualTo(400);

    String r1 = first.get("refresh_token").asText();
    JsonNode second = token(shop, Map.of("grant_type", "refresh_token", "refresh_token", r1));
    assertThat(second.get("refresh_token").asText()).isNotEqualTo(r1);
    JsonNode retry = token(shop, Map.of("grant_type", "refresh_token", "refresh_token", r1));
    assertThat(retry.get("_status").asInt())
        .as("old token still valid before the new one is used")
        .isEqualTo(200);

    JsonNode third =
        token(
            shop,
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                second.get("refresh_token").asText()));
    assertThat(third.get("_status").asInt()).isEqualTo(200);
    JsonNode stale = token(shop, Map.of("grant_type", "refresh_token", "refresh_token", r1));
    assertThat(stale.get("_status").asInt()).isEqualTo(400);
    assertThat(stale.get("error").asText()).isEqualTo("invalid_grant");
    assertThat(sim.control().stats("oauth-refresh").tokenRefreshes.get()).isEqualTo(3);
    assertThat(sim.control().stats("oauth-refresh").tokenRefreshFailures.get()).isEqualTo(1);

    String access = third.get("access_token").asText();
    assertThat(call(shop, access)).isEqualTo(200);
    sim.control().advanceClock(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(call(shop, access)).isEqualTo(401);
  }

  @Test
  void nonExpiringCodeGrantReturnsOnlyTokenAndScope() {
    ShopInfo shop = shop("oauth-plain");
    JsonNode body = token(shop, Map.of("code", code(shop)));
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.get("scope").asText()).isEqualTo("read_products");
  }

  @Test
  void sessionTokenIsHs256WithShopifyClaims() throws Exception {
    ShopInfo shop = shop("oauth-session");
    String jwt = sim.control().mintSessionToken("oauth-session", "42", "sid-1", null);
    SignedJWT parsed = SignedJWT.parse(jwt);
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(parsed.verify(new MACVerifier(shop.clientSecret().getBytes(StandardCharsets.UTF_8))))
        .isTrue();
    var claims = parsed.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("https://oauth-session.myshopify.com/admin");
    assertThat(claims.getClaim("dest")).isEqualTo("https://oauth-session.myshopify.com");
    assertThat(claims.getAudience()).containsExactly(shop.clientId());
    assertThat(claims.getSubject()).isEqualTo("42");
    assertThat(claims.getClaim("sid")).isEqualTo("sid-1");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(
            claims.getExpirationTime().toInstant().getEpochSecond()
                - claims.getIssueTime().toInstant().getEpochSecond())
        .isEqualTo(60);
    assertThat(claims.getNotBeforeTime()).isNotNull();
  }

  @Test
  void tokenExchangeTurnsSessionTokensIntoAccessTokens() {
    ShopInfo shop = shop("oauth-exchange");
    String jwt = sim.control().mintSessionToken("oauth-exchange", "7", null, null);
    JsonNode offline =
        token(
            shop,
            Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", jwt,
                "subject_token_type", "urn:ietf:params:oauth:token-type:id_token",
                "requested_token_type", "urn:shopify:params:oauth:token-type:offline-access-token",
                "expiring", "1"));
    assertThat(offline.get("refresh_token").asText()).startsWith("shprt_");
    assertThat(call(shop, offline.get("access_token").asText())).isEqualTo(200);

    JsonNode online =
        token(
            shop,
            Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", jwt,
                "subject_token_type", "urn:ietf:params:oauth:token-type:id_token",
                "requested_token_type", "urn:shopify:params:oauth:token-type:online-access-token"));
    assertThat(online.at("/associated_user/email").asText())
        .isEqualTo("owner@oauth-exchange.myshopify.com");

    JsonNode forged =
        token(
            shop,
            Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", jwt.substring(0, jwt.length() - 3) + "abc",
                "subject_token_type", "urn:ietf:params:oauth:token-type:id_token"));
    assertThat(forged.get("_status").asInt()).isEqualTo(400);
  }

  @Test
  void nonExpiringTokenMigratesOnceAndRetriesGetTheSamePair() {
    ShopInfo shop = shop("oauth-migrate");
    Map<String, Object> request =
        Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
            "subject_token", shop.accessToken(),
            "subject_token_type", "urn:shopify:params:oauth:token-type:offline-access-token",
            "requested_token_type", "urn:shopify:params:oauth:token-type:offline-access-token",
            "expiring", "1");
    JsonNode migrated = token(shop, request);
    assertThat(migrated.get("expires_in").asLong()).isEqualTo(300);
    assertThat(call(shop, shop.accessToken())).isEqualTo(401);
    assertThat(token(shop, request).get("access_token")).isEqualTo(migrated.get("access_token"));
  }

  @Test
  void uninstallRevokesEveryToken() {
    ShopInfo shop = shop("oauth-uninstall");
    assertThat(call(shop, shop.accessToken())).isEqualTo(200);
    sim.control().uninstall("oauth-uninstall");
    assertThat(call(shop, shop.accessToken())).isEqualTo(401);
  }
}
