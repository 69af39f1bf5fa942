package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.tenant.TenantId;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The token service's other paths, through the real server and the simulator:
 *
 * <ul>
 *   <li>a refresh whose answer was lost (the simulator rotated the pair, the app never stored it) → the app's next
 *       refresh sends the previous refresh token, which Shopify still accepts, and the call succeeds;
 *   <li>a refresh Shopify refuses (the stored refresh token was retired) → a background call fails with 502
 *       problem+json (no token in it); the merchant's next embedded-admin request replaces the pair by token
 *       exchange of the session token, after which background calls work again;
 *   <li>a legacy non-expiring token (ops registration) → {@code POST …/token-migration} exchanges it for an expiring
 *       pair ({@code expiring=1}); the old token stops working; the new one works; a second migration is a no-op.
 * </ul>
 */
class TokenLifecycleIT {

  private static final List<String> SECRETS = new ArrayList<>(List.of(InstallFlow.API_SECRET));

  @Test
  void lostRefreshAnswerIsRecoveredWithThePreviousRefreshToken() {
    String shop = InstallFlow.newShop("lost");
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    TenantId id = TokenDatabase.shops(shop).get(0).id();
    String previousRefresh = TokenDatabase.refreshToken(id);
    SECRETS.add(previousRefresh);
    SECRETS.add(TokenDatabase.accessToken(id));
    HttpResponse<String> lost = refreshAtSimulator(shop, previousRefresh);
    assertThat(lost.statusCode()).as("the refresh whose answer is lost: %s", lost.body()).isEqualTo(200);
    SECRETS.add(Json.createReader(new java.io.StringReader(lost.body())).readObject().getString("access_token"));
    TokenDatabase.expireSoon(id, 30);

    HttpResponse<String> graphql = Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify");
    assertThat(graphql.statusCode()).as("after the lost answer: %s", graphql.body()).isEqualTo(200);
    assertThat(TokenDatabase.credentials(id).orElseThrow().expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
    assertThat(Simulator.get().control().stats(shop).tokenRefreshes.get()).isEqualTo(2);
    SECRETS.add(TokenDatabase.accessToken(id));
  }

  @Test
  void refusedRefreshFailsBackgroundCallersAndIsReplacedByTokenExchangeInTheAdmin() {
    String shop = InstallFlow.newShop("refused");
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    TenantId id = TokenDatabase.shops(shop).get(0).id();
    String stored = TokenDatabase.refreshToken(id);
    SECRETS.add(stored);
    SECRETS.add(TokenDatabase.accessToken(id));
    String second = rotateAtSimulator(shop, stored);
    rotateAtSimulator(shop, second); // using the replacement retires the stored refresh token for good
    TokenDatabase.expireSoon(id, 30);

    HttpResponse<String> background = Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify");
    assertThat(background.statusCode()).as("background call: %s", background.body()).isEqualTo(502);
    assertThat(background.body()).doesNotContain(stored);
    long exchanges = Simulator.get().control().stats(shop).tokenExchanges.get();

    String session = Simulator.get().control().mintSessionToken(shop, "42", UUID.randomUUID().toString(), null);
    SECRETS.add(session);
    HttpResponse<String> admin =
        InstallFlow.send(
            HttpRequest.newBuilder(URI.create(Http.BASE + "/api/admin/shop"))
                .header("Authorization", "Bearer " + session)
                .GET()
                .build());
    assertThat(admin.statusCode()).as("admin: %s", admin.body()).isEqualTo(200);
    assertThat(Simulator.get().control().stats(shop).tokenExchanges.get()).isEqualTo(exchanges + 1);
    assertThat(Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify").statusCode()).isEqualTo(200);
    SECRETS.add(TokenDatabase.accessToken(id));
    SECRETS.add(TokenDatabase.refreshToken(id));
  }

  @Test
  void legacyTokenIsMigratedByTokenExchange() {
    String shop = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    String legacy = "shpat_" + UUID.randomUUID().toString().replace("-", "");
    SECRETS.add(legacy);
    Simulator.get().control().createShop(
        ShopSpec.named(shop).credentials(InstallFlow.API_KEY, InstallFlow.API_SECRET).accessToken(legacy));
    assertThat(
            Http.postJsonAsAdmin(
                    "/api/ops/shops", "{\"shop\":\"" + shop + "\",\"accessToken\":\"" + legacy + "\",\"plan\":\"standard\"}")
                .statusCode())
        .isEqualTo(201);

    HttpResponse<String> migrated = Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/token-migration", "");
    assertThat(migrated.statusCode()).as("migration: %s", migrated.body()).isEqualTo(200);
    assertThat(Instant.parse(Http.json(migrated).getString("tokenExpiresAt"))).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
    TenantId id = TokenDatabase.shops(shop).get(0).id();
    assertThat(TokenDatabase.credentials(id).orElseThrow().sealedRefresh()).startsWith("v1.");
    SECRETS.add(TokenDatabase.accessToken(id));
    SECRETS.add(TokenDatabase.refreshToken(id));
    assertThat(Simulator.get().control().stats(shop).tokenExchanges.get()).isEqualTo(1);
    assertThat(graphqlAtSimulator(shop, legacy).statusCode()).isEqualTo(401);
    assertThat(Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify").statusCode()).isEqualTo(200);

    assertThat(Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/token-migration", "").statusCode()).isEqualTo(200);
    assertThat(Simulator.get().control().stats(shop).tokenExchanges.get()).isEqualTo(1);
  }

  @AfterAll
  static void noSecretInTheLogs() {
    ServerLogs.assertNoneContain(SECRETS);
  }

  /** Refreshes at the simulator behind the app's back; returns the new refresh token. */
  private static String rotateAtSimulator(String shop, String refreshToken) {
    HttpResponse<String> answer = refreshAtSimulator(shop, refreshToken);
    assertThat(answer.statusCode()).as("rotation at the simulator: %s", answer.body()).isEqualTo(200);
    var body = Json.createReader(new java.io.StringReader(answer.body())).readObject();
    SECRETS.add(body.getString("access_token"));
    SECRETS.add(body.getString("refresh_token"));
    return body.getString("refresh_token");
  }

  private static HttpResponse<String> refreshAtSimulator(String shop, String refreshToken) {
    String body =
        Json.createObjectBuilder()
            .add("client_id", InstallFlow.API_KEY)
            .add("client_secret", InstallFlow.API_SECRET)
            .add("grant_type", "refresh_token")
            .add("refresh_token", refreshToken)
            .build()
            .toString();
    return InstallFlow.send(
        HttpRequest.newBuilder(URI.create(Simulator.get().baseUrl() + "/shops/" + shop + "/admin/oauth/access_token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> graphqlAtSimulator(String shop, String token) {
    return InstallFlow.send(
        HttpRequest.newBuilder(URI.create(Simulator.get().control().info(shop).graphqlUrl()))
            .header("Content-Type", "application/json")
            .header("X-Shopify-Access-Token", token)
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}"))
            .build());
  }
}
