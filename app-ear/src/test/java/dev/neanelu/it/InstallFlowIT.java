package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.simulator.shop.WebhookSubscription;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The OAuth install, end to end against the simulator (issue 7, acceptance 1):
 *
 * <ul>
 *   <li>{@code /auth/install} → 302 to the shop's authorize page with client_id, scope, redirect_uri and state, and
 *       the state cookie ({@code HttpOnly}, {@code SameSite=Lax}, 60 s, path {@code /auth/callback});
 *   <li>authorize → callback → 302 into the embedded admin, state cookie cleared;
 *   <li>stored: one installed shop row, an expiring access token and a refresh token, both sealed
 *       ({@code v1.<keyId>.…}); no table of the database holds either in plain text;
 *   <li>a GraphQL call with the stored token succeeds (ops overview → simulator);
 *   <li>the simulator holds exactly one subscription per topic (products/create|update|delete, app/uninstalled,
 *       bulk_operations/finish) at {@code APP_HOST/webhooks}; re-running the install adds none;
 *   <li>afterwards no server log contains the code, the tokens, the state or the client secret.
 * </ul>
 */
class InstallFlowIT {

  private static final List<String> SECRETS = new ArrayList<>(List.of(InstallFlow.API_SECRET));

  @Test
  void installStoresASealedExpiringTokenThatWorksAndSubscribesWebhooks() {
    String shop = InstallFlow.newShop("install");
    InstallFlow.Hops hops = InstallFlow.install(shop);
    SECRETS.add(hops.code());
    SECRETS.add(hops.stateCookie());

    assertAuthorizeRedirect(hops);
    assertThat(hops.callback().statusCode()).as("callback: %s", hops.callback().body()).isEqualTo(302);
    assertThat(hops.callback().headers().firstValue("Location").orElseThrow())
        .isEqualTo("https://admin.shopify.com/store/" + shop.replace(".myshopify.com", "") + "/apps/" + InstallFlow.API_KEY);
    assertThat(hops.callback().headers().allValues("Set-Cookie")).anyMatch(c -> c.contains("Max-Age=0"));

    List<TokenDatabase.ShopRow> rows = TokenDatabase.shops(shop);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).uninstalledAt()).isNull();
    TokenDatabase.Credentials stored = TokenDatabase.credentials(rows.get(0).id()).orElseThrow();
    String access = TokenDatabase.accessToken(rows.get(0).id());
    String refresh = TokenDatabase.refreshToken(rows.get(0).id());
    SECRETS.add(access);
    SECRETS.add(refresh);
    assertThat(stored.sealedAccess()).startsWith("v1.").doesNotContain(access);
    assertThat(stored.sealedRefresh()).startsWith("v1.").doesNotContain(refresh);
    assertThat(stored.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
    String dump = TokenDatabase.dump();
    assertThat(dump).contains(shop).doesNotContain(access).doesNotContain(refresh);

    HttpResponse<String> graphql = Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify");
    assertThat(graphql.statusCode()).as("GraphQL through the stored token: %s", graphql.body()).isEqualTo(200);

    assertSubscribedOnce(shop);
    InstallFlow.Hops again = InstallFlow.install(shop);
    assertThat(again.callback().statusCode()).isEqualTo(302);
    assertSubscribedOnce(shop);
    assertThat(TokenDatabase.shops(shop)).hasSize(1);
    SECRETS.add(again.code());
    SECRETS.add(TokenDatabase.accessToken(rows.get(0).id()));
    SECRETS.add(TokenDatabase.refreshToken(rows.get(0).id()));
  }

  @AfterAll
  static void noSecretInTheLogs() {
    ServerLogs.assertNoneContain(SECRETS);
  }

  private static void assertAuthorizeRedirect(InstallFlow.Hops hops) {
    String authorize = hops.install().headers().firstValue("Location").orElseThrow();
    assertThat(authorize).startsWith(Simulator.get().baseUrl() + "/shops/" + hops.shop() + "/admin/oauth/authorize?");
    assertThat(InstallFlow.param(authorize, "client_id")).isEqualTo(InstallFlow.API_KEY);
    assertThat(InstallFlow.param(authorize, "scope")).isEqualTo("read_products,write_products");
    assertThat(InstallFlow.param(authorize, "redirect_uri")).isEqualTo(Http.BASE + "/auth/callback");
    assertThat(hops.stateCookie()).startsWith(InstallFlow.param(authorize, "state") + ".");
    String cookie = hops.install().headers().allValues("Set-Cookie").get(0);
    assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=60", "Path=/auth/callback");
  }

  private static void assertSubscribedOnce(String shop) {
    List<WebhookSubscription> subscriptions = Simulator.get().control().subscriptions(shop);
    assertThat(subscriptions).allMatch(s -> s.uri().equals(Http.BASE + "/webhooks"));
    assertThat(subscriptions)
        .extracting(WebhookSubscription::topic)
        .containsExactlyInAnyOrder(
            "PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "APP_UNINSTALLED", "BULK_OPERATIONS_FINISH");
  }
}
