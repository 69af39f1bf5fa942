package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.install.Hmacs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged deliveries. The client secret signs webhooks (base64 HMAC of the body), App Bridge session tokens (HMAC
 * over {@code header.payload}) and OAuth query strings (hex HMAC), and only the body is covered: an app user of one
 * shop holds genuine signatures that could be re-aimed at another shop through the unsigned headers. Each forgery
 * below is answered 401 problem+json (413 for an oversized body), stores nothing, and leaves the victim installed.
 */
class WebhookForgeryIT {

  private static String victim;
  private static String attacker;

  @BeforeAll
  static void installBoth() {
    victim = InstallFlow.newShop("victim");
    attacker = InstallFlow.newShop("attacker");
    assertThat(InstallFlow.install(victim).callback().statusCode()).isEqualTo(302);
    assertThat(InstallFlow.install(attacker).callback().statusCode()).isEqualTo(302);
  }

  @Test
  void aSessionTokenSignatureDoesNotUninstallAnotherShop() {
    String token = Simulator.get().control().mintSessionToken(attacker, "1", UUID.randomUUID().toString(), null);
    String[] parts = token.split("\\.");
    String signingInput = parts[0] + "." + parts[1];
    String hmac = Webhooks.base64(Base64.getUrlDecoder().decode(parts[2]));
    assertThat(hmac).as("the token is signed with the app's secret").isEqualTo(Webhooks.sign(signingInput));
    assertRejected(new Webhooks.Delivery("app/uninstalled", victim, UUID.randomUUID().toString(), Instant.now(),
        signingInput, hmac), 401);
  }

  @Test
  void anOAuthQuerySignatureDoesNotUninstallAnotherShop() {
    String query = "code=0907a61c0c8d55e99db179b68161bc00&shop=" + attacker + "&timestamp="
        + Instant.now().getEpochSecond();
    byte[] mac = Hmacs.sha256(InstallFlow.API_SECRET, query.getBytes(StandardCharsets.UTF_8));
    String hexAsIssued = HexFormat.of().formatHex(mac);
    assertThat(hexAsIssued).hasSize(64);
    assertRejected(new Webhooks.Delivery("app/uninstalled", victim, UUID.randomUUID().toString(), Instant.now(),
        query, Webhooks.base64(mac)), 401);
  }

  @Test
  void aGenuineBodyOfTheAttackersShopCannotBeReAimedAtTheVictim() {
    String own = "{\"id\":42,\"domain\":\"" + attacker + "\",\"myshopify_domain\":\"" + attacker + "\"}";
    assertRejected(Webhooks.Delivery.signed("app/uninstalled", victim, own), 401);
    String redact = "{\"shop_id\":42,\"shop_domain\":\"" + attacker + "\"}";
    assertRejected(Webhooks.Delivery.signed("shop/redact", victim, redact), 401);
  }

  @Test
  void aCustomerRedactionOfTheVictimCannotBeReplayedAsShopRedact() {
    String customers = "{\"shop_id\":7,\"shop_domain\":\"" + victim + "\",\"customer\":{\"id\":1},"
        + "\"orders_to_redact\":[]}";
    assertRejected(Webhooks.Delivery.signed("shop/redact", victim, customers), 401);
  }

  @Test
  void aForgedOrMissingSignatureIsRejected() {
    String body = "{\"id\":42,\"myshopify_domain\":\"" + victim + "\"}";
    String wrongSecret = Webhooks.base64(Hmacs.sha256("not-the-app-secret-but-long-enough-000",
        body.getBytes(StandardCharsets.UTF_8)));
    assertRejected(Webhooks.Delivery.signed("app/uninstalled", victim, body).withHmac(wrongSecret), 401);
    assertRejected(Webhooks.Delivery.signed("app/uninstalled", victim, body).withHmac(null), 401);
    assertRejected(Webhooks.Delivery.signed("app/uninstalled", victim, body).withHmac("not base64!"), 401);
  }

  @Test
  void aSignedBodyThatIsNotAnObjectIsRejected() {
    assertRejected(Webhooks.Delivery.signed("app/uninstalled", victim, "[\"" + victim + "\"]"), 401);
    assertRejected(Webhooks.Delivery.signed("products/update", victim, "\"x\""), 401);
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    byte[] big = new byte[8 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    String hmac = Webhooks.base64(Hmacs.sha256(InstallFlow.API_SECRET, big));
    HttpResponse<String> declared = send(big, hmac, HttpRequest.BodyPublishers.ofByteArray(big));
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(Http.json(declared).getString("code")).isEqualTo("NEANELU-E016");
    HttpResponse<String> chunked =
        send(big, hmac, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertNothingHappenedTo(victim);
  }

  private static HttpResponse<String> send(byte[] body, String hmac, HttpRequest.BodyPublisher publisher) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(Http.BASE + "/webhooks"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("X-Shopify-Topic", "products/update")
            .header("X-Shopify-Shop-Domain", victim)
            .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
            .header("X-Shopify-Hmac-Sha256", hmac)
            .POST(publisher)
            .build());
  }

  private static void assertRejected(Webhooks.Delivery delivery, int status) {
    HttpResponse<String> response = Webhooks.deliver(delivery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Http.json(response).getString("code")).isEqualTo("NEANELU-E015");
    assertNothingHappenedTo(victim);
  }

  private static void assertNothingHappenedTo(String shop) {
    assertThat(Webhooks.inboxRows(shop)).isZero();
    assertThat(TokenDatabase.shops(shop).get(0).uninstalledAt()).isNull();
    assertThat(TokenDatabase.credentials(TokenDatabase.shops(shop).get(0).id())).isPresent();
  }
}
