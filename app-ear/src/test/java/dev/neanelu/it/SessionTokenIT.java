package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded-admin API's session-token authentication, {@code GET /api/admin/shop} (issue 7, acceptance 4):
 *
 * <ul>
 *   <li>a token minted by the simulator (App Bridge) → 200 with shop, plan, installedAt, tokenExpiresAt, lastSync;
 *       a {@code shop} query naming another shop changes nothing;
 *   <li>expired (beyond the 10 s leeway), wrong {@code aud}, signed with another secret, {@code alg: none},
 *       {@code dest} ≠ {@code iss}, no header, basic auth → 401 problem+json NEANELU-E014 with
 *       {@code WWW-Authenticate: Bearer};
 *   <li>a shop never installed in the app → its session token installs it by token exchange (one exchange at the
 *       simulator), then 200.
 * </ul>
 */
class SessionTokenIT {

  private static final List<String> SECRETS = new ArrayList<>(List.of(InstallFlow.API_SECRET));
  private static String shop;

  @BeforeAll
  static void installedShop() {
    shop = InstallFlow.newShop("session");
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
  }

  @Test
  void validSessionTokenShowsItsOwnShopOnly() {
    String other = InstallFlow.newShop("other");
    HttpResponse<String> response = adminShop("?shop=" + other, "Bearer " + mint(shop, null));
    assertThat(response.statusCode()).as("answer: %s", response.body()).isEqualTo(200);
    JsonObject view = Http.json(response);
    assertThat(view.getString("shop")).isEqualTo(shop);
    assertThat(view.getString("plan")).isEqualTo("standard");
    assertThat(Instant.parse(view.getString("installedAt"))).isBefore(Instant.now().plusSeconds(5));
    assertThat(Instant.parse(view.getString("tokenExpiresAt"))).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    assertThat(view.getJsonObject("lastSync")).isNotNull();
  }

  @Test
  void invalidSessionTokensAreRefused() {
    refused(adminShop("", "Bearer " + mint(shop, Duration.ofSeconds(-20))), "expired");
    refused(adminShop("", "Bearer " + sign(InstallFlow.API_SECRET, c -> c.audience("another-app"))), "aud");
    refused(adminShop("", "Bearer " + sign("another-secret-of-at-least-32-characters!!", c -> {})), "signature");
    refused(adminShop("", "Bearer " + new PlainJWT(claims(c -> {})).serialize()), "JWT");
    refused(
        adminShop("", "Bearer " + sign(InstallFlow.API_SECRET, c -> c.claim("dest", "https://other-shop.myshopify.com"))),
        "iss and dest");
    refused(adminShop("", null), "Bearer");
    refused(adminShop("", Http.basic("admin:admin")), "Bearer");
  }

  @Test
  void aShopNotYetInstalledIsInstalledByTokenExchange() {
    String fresh = InstallFlow.newShop("managed");
    long exchanges = Simulator.get().control().stats(fresh).tokenExchanges.get();
    HttpResponse<String> response = adminShop("", "Bearer " + mint(fresh, null));
    assertThat(response.statusCode()).as("answer: %s", response.body()).isEqualTo(200);
    assertThat(Http.json(response).getString("shop")).isEqualTo(fresh);
    assertThat(Simulator.get().control().stats(fresh).tokenExchanges.get()).isEqualTo(exchanges + 1);
    assertThat(TokenDatabase.shops(fresh)).hasSize(1);
    SECRETS.add(TokenDatabase.accessToken(TokenDatabase.shops(fresh).get(0).id()));
    assertThat(Simulator.get().control().subscriptions(fresh)).hasSize(5);
  }

  @AfterAll
  static void noSecretInTheLogs() {
    ServerLogs.assertNoneContain(SECRETS);
  }

  private static void refused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as("answer: %s", response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).isEqualTo("Bearer");
    JsonObject problem = Http.json(response);
    assertThat(problem.getString("code")).isEqualTo("NEANELU-E014");
    assertThat(problem.getString("detail")).contains(reason);
  }

  private static String mint(String forShop, Duration ttl) {
    String token = Simulator.get().control().mintSessionToken(forShop, "42", UUID.randomUUID().toString(), ttl);
    SECRETS.add(token);
    return token;
  }

  private static HttpResponse<String> adminShop(String query, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Http.BASE + "/api/admin/shop" + query)).timeout(Duration.ofSeconds(30)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return InstallFlow.send(request.build());
  }

  private static String sign(String secret, Consumer<JWTClaimsSet.Builder> change) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims(change));
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      SECRETS.add(jwt.serialize());
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder b =
        new JWTClaimsSet.Builder()
            .issuer("https://" + shop + "/admin")
            .claim("dest", "https://" + shop)
            .audience(InstallFlow.API_KEY)
            .subject("42")
            .expirationTime(Date.from(now.plusSeconds(60)))
            .notBeforeTime(Date.from(now.minusSeconds(1)))
            .issueTime(Date.from(now.minusSeconds(1)))
            .jwtID(UUID.randomUUID().toString());
    change.accept(b);
    return b.build();
  }
}
