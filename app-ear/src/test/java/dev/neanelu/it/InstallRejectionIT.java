package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.simulator.oauth.OAuthHmac;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forged, stale and foreign install requests are refused with problem+json and store nothing (issue 7,
 * acceptance 2):
 *
 * <ul>
 *   <li>{@code /auth/install}: tampered {@code hmac} → 401; {@code timestamp} 91 s old → 401; shops
 *       {@code evil.com}, {@code a.myshopify.com.evil.com}, {@code -x.myshopify.com} (correctly signed) → 400;
 *   <li>{@code /auth/callback} with a genuine code: no state cookie, a cookie from another install, no
 *       {@code state}, a tampered {@code hmac}, a cookie for the right nonce but another shop → 401;
 *   <li>after all of them: no shop row, no code exchanged at the simulator; then the genuine callback still
 *       installs (the refusals were the checks, not a broken setup).
 * </ul>
 */
class InstallRejectionIT {

  private static final List<String> SECRETS = new ArrayList<>(List.of(InstallFlow.API_SECRET));

  @Test
  void tamperedHmacIsRefused() {
    String shop = InstallFlow.newShop("tampered");
    Map<String, String> query = InstallFlow.signedInstallQuery(shop, Instant.now());
    query.put("hmac", flip(query.get("hmac")));
    assertRefused(InstallFlow.get(Http.BASE + "/auth/install?" + InstallFlow.query(query), null), 401, shop);
  }

  @Test
  void staleTimestampIsRefused() {
    String shop = InstallFlow.newShop("stale");
    Map<String, String> query = InstallFlow.signedInstallQuery(shop, Instant.now().minusSeconds(91));
    assertRefused(InstallFlow.get(Http.BASE + "/auth/install?" + InstallFlow.query(query), null), 401, shop);
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.com", "a.myshopify.com.evil.com", "-x.myshopify.com"})
  void foreignShopsAreRefusedEvenWhenSigned(String shop) {
    Map<String, String> query = InstallFlow.signedInstallQuery(shop, Instant.now());
    assertRefused(InstallFlow.get(Http.BASE + "/auth/install?" + InstallFlow.query(query), null), 400, shop);
  }

  @Test
  void callbacksWithoutMatchingStateOrHmacAreRefused() {
    String shop = InstallFlow.newShop("callback");
    InstallFlow.Hops genuine = InstallFlow.authorizeOnly(shop);
    InstallFlow.Hops other = InstallFlow.authorizeOnly(shop);
    SECRETS.add(genuine.code());
    SECRETS.add(other.code());
    String url = genuine.callbackUrl();

    assertRefused(InstallFlow.get(url, null), 401, shop);
    assertRefused(InstallFlow.get(url, other.stateCookie()), 401, shop);
    assertRefused(InstallFlow.get(without(url, "state"), genuine.stateCookie()), 401, shop);
    assertRefused(InstallFlow.get(url.replace("hmac=", "hmac=0"), genuine.stateCookie()), 401, shop);
    String nonce = genuine.stateCookie().substring(0, genuine.stateCookie().indexOf('.'));
    assertRefused(InstallFlow.get(url, nonce + ".forged-signature"), 401, shop);
    assertThat(Simulator.get().control().stats(shop).authorizationCodeGrants.get()).isZero();

    HttpResponse<String> accepted = InstallFlow.get(url, genuine.stateCookie());
    assertThat(accepted.statusCode()).as("genuine callback: %s", accepted.body()).isEqualTo(302);
    assertThat(TokenDatabase.shops(shop)).hasSize(1);
    SECRETS.add(TokenDatabase.accessToken(TokenDatabase.shops(shop).get(0).id()));
  }

  @AfterAll
  static void noSecretInTheLogs() {
    ServerLogs.assertNoneContain(SECRETS);
  }

  private static void assertRefused(HttpResponse<String> response, int status, String shop) {
    assertThat(response.statusCode()).as("answer: %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonObject problem = Http.json(response);
    assertThat(problem.getString("code")).isEqualTo("NEANELU-E013");
    assertThat(problem.getString("instance")).doesNotContain("?");
    for (String secret : SECRETS) {
      assertThat(response.body()).doesNotContain(secret);
    }
    assertThat(TokenDatabase.shops(shop)).as("nothing stored for %s", shop).isEmpty();
  }

  /** The callback URL without one parameter (the simulator's HMAC then no longer matches either). */
  private static String without(String url, String name) {
    String base = url.substring(0, url.indexOf('?'));
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      String key = pair.substring(0, pair.indexOf('='));
      if (!key.equals(name)) {
        params.put(key, InstallFlow.param(url, key));
      }
    }
    params.put("hmac", OAuthHmac.sign(InstallFlow.API_SECRET, params));
    return base + "?" + InstallFlow.query(params);
  }

  private static String flip(String hex) {
    char first = hex.charAt(0);
    return (first == '0' ? '1' : '0') + hex.substring(1);
  }
}
