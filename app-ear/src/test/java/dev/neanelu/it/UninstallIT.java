package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.neanelu.install.Hmacs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Uninstall and reinstall. The simulator uninstalls the app (revoking its tokens) with its webhook deliveries held;
 * the test then delivers {@code app/uninstalled} itself, signed as Shopify signs it. A delivery is stored on the
 * request thread and applied by fair dispatch right after, so each effect is awaited:
 *
 * <ul>
 *   <li>first delivery → 200; the shop is marked uninstalled and its tokens are gone;
 *   <li>the same delivery again (at-least-once) → 200, nothing changes;
 *   <li>a delivery with a wrong signature → 401 problem+json NEANELU-E015;
 *   <li>reinstall through OAuth → 302; still exactly one row for the shop (same tenant id), installed, with new
 *       tokens that work;
 *   <li>a late copy of the first uninstall (triggered before the reinstall) → 200 and ignored: the shop stays
 *       installed with its tokens.
 * </ul>
 */
class UninstallIT {

  private static final List<String> SECRETS = new ArrayList<>(List.of(InstallFlow.API_SECRET));

  @Test
  void uninstallTwiceThenReinstallLeavesOneCleanShop() {
    String shop = InstallFlow.newShop("uninstall");
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    TokenDatabase.ShopRow installed = TokenDatabase.shops(shop).get(0);
    String firstToken = TokenDatabase.accessToken(installed.id());
    SECRETS.add(firstToken);

    Simulator.get().control().setFaults(shop, Map.of("webhookHold", true));
    Simulator.get().control().uninstall(shop);
    Instant triggeredAt = Instant.now();
    String body = "{\"id\":1,\"domain\":\"" + shop + "\",\"myshopify_domain\":\"" + shop + "\"}";
    String eventId = UUID.randomUUID().toString();

    assertThat(deliver(shop, body, eventId, triggeredAt, sign(body)).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> TokenDatabase.shops(shop).get(0).uninstalledAt() != null);
    TokenDatabase.ShopRow uninstalled = TokenDatabase.shops(shop).get(0);
    assertThat(uninstalled.uninstalledAt()).isNotNull();
    assertThat(TokenDatabase.credentials(installed.id())).isEmpty();

    assertThat(deliver(shop, body, eventId, triggeredAt, sign(body)).statusCode()).isEqualTo(200);
    assertThat(TokenDatabase.shops(shop)).containsExactly(uninstalled);

    HttpResponse<String> forged = deliver(shop, body, eventId, triggeredAt, sign(body + " "));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(Http.json(forged).getString("code")).isEqualTo("NEANELU-E015");

    Simulator.get().control().clearFaults(shop);
    InstallFlow.Hops reinstall = InstallFlow.install(shop);
    assertThat(reinstall.callback().statusCode()).as("reinstall: %s", reinstall.callback().body()).isEqualTo(302);
    List<TokenDatabase.ShopRow> rows = TokenDatabase.shops(shop);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).id()).isEqualTo(installed.id());
    assertThat(rows.get(0).uninstalledAt()).isNull();
    String newToken = TokenDatabase.accessToken(installed.id());
    SECRETS.add(newToken);
    SECRETS.add(reinstall.code());
    assertThat(newToken).isNotEqualTo(firstToken);
    assertThat(Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify").statusCode()).isEqualTo(200);

    // A late copy of the first uninstall under a new event id (a second subscription's delivery): stored, applied,
    // and ignored because it was triggered before the reinstall.
    assertThat(deliver(shop, body, UUID.randomUUID().toString(), triggeredAt.minusSeconds(1), sign(body)).statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> Webhooks.pending(shop) == 0);
    assertThat(TokenDatabase.shops(shop).get(0).uninstalledAt()).isNull();
    assertThat(TokenDatabase.accessToken(installed.id())).isEqualTo(newToken);
  }

  @AfterAll
  static void noSecretInTheLogs() {
    ServerLogs.assertNoneContain(SECRETS);
  }

  private static HttpResponse<String> deliver(
      String shop, String body, String eventId, Instant triggeredAt, String hmac) {
    return InstallFlow.send(
        HttpRequest.newBuilder(URI.create(Http.BASE + "/webhooks"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Shopify-Topic", "app/uninstalled")
            .header("X-Shopify-Shop-Domain", shop)
            .header("X-Shopify-Event-Id", eventId)
            .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
            .header("X-Shopify-Triggered-At", triggeredAt.toString())
            .header("X-Shopify-Hmac-Sha256", hmac)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static String sign(String body) {
    return Base64.getEncoder()
        .encodeToString(Hmacs.sha256(InstallFlow.API_SECRET, body.getBytes(StandardCharsets.UTF_8)));
  }
}
