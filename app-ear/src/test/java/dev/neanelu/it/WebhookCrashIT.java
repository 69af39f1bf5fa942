package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A delivery acknowledged with 200 whose JVM dies before applying it is applied after the restart. The shop's
 * Shopify circuit is opened first (its Admin API answers 503), so the dispatcher skips the shop and the delivery
 * stays stored and unapplied; the JVM is then killed with SIGKILL and started again (a new JVM starts with closed
 * circuits), and the stored delivery is applied by itself.
 */
class WebhookCrashIT {

  @AfterAll
  static void leaveAServerRunning() throws Exception {
    if (!LibertyServer.ready()) {
      LibertyServer.start();
    }
  }

  @Test
  void aDeliveryStoredBeforeACrashIsAppliedAfterTheRestart() throws Exception {
    String shop = Simulator.shopRegisteredWithApp("crashhook", "standard");
    Simulator.get().control().setFaults(shop, Map.of("serverErrorRate", 1.0, "serverErrorStatus", 503));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      HttpResponse<String> call = Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify");
      return call.statusCode() == 503 && call.body().contains("NEANELU-E011");
    });

    long id = 9_500_000_000_000L + (System.nanoTime() % 1_000_000);
    Webhooks.Delivery delivery = Webhooks.Delivery.signed(
        "products/create", shop, WebhookCatalogIT.restPayload(id, "survives a crash", Instant.now()));
    assertThat(Webhooks.deliver(delivery).statusCode()).isEqualTo(200);
    assertThat(status(delivery.eventId())).as("held back by the open circuit").isEqualTo("received");

    LibertyServer.kill();
    Simulator.get().control().clearFaults(shop);
    assertThat(status(delivery.eventId())).isEqualTo("received");
    LibertyServer.start();

    await().atMost(Duration.ofMinutes(2)).until(() -> "applied".equals(status(delivery.eventId())));
    assertThat(Webhooks.text(
        "SELECT p.title FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.shop_domain = ? AND p.product_id = ?",
        shop, id)).isEqualTo("survives a crash");
    assertThat(Webhooks.count("SELECT count(*) FROM webhook_inbox WHERE event_id = ?", delivery.eventId()))
        .isEqualTo(1);
  }

  private static String status(String eventId) {
    return Webhooks.text("SELECT status FROM webhook_inbox WHERE event_id = ?", eventId);
  }
}
