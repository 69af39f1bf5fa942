package dev.neanelu.simulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimClient;
import dev.neanelu.simulator.SimulatorOptions;
import dev.neanelu.simulator.control.ShopInfo;
import dev.neanelu.simulator.support.Hmacs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries to a receiver on loopback.
 *
 * <ul>
 *   <li>the header set and a base64 HMAC that verifies over the raw body (and the §9 computed
 *       vector);
 *   <li>failed deliveries are retried with the same payload until success, or 8 retries then
 *       FAILED;
 *   <li>duplicates share the event id; held deliveries are released in reverse order;
 *   <li>app/uninstalled, compliance topics and bulk_operations/finish are delivered.
 * </ul>
 */
class WebhookDeliveryTest {

  /** A request as the receiver saw it. */
  record Received(String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static ShopifySimulator sim;
  private static HttpServer receiver;
  private static final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private static final AtomicInteger failuresToSend = new AtomicInteger();
  /** Only this shop's deliveries are failed: late deliveries of other tests' shops must not use up the failures. */
  private static final java.util.concurrent.atomic.AtomicReference<String> failingShop =
      new java.util.concurrent.atomic.AtomicReference<>("");
  private static String hook;

  @BeforeAll
  static void start() throws IOException {
    sim =
        ShopifySimulator.start(SimulatorOptions.defaults().webhookRetryBase(Duration.ofMillis(2)));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    receiver.createContext(
        "/",
        ex -> {
          received.add(
              new Received(
                  ex.getRequestURI().getPath(),
                  Map.copyOf(ex.getRequestHeaders()),
                  ex.getRequestBody().readAllBytes()));
          boolean target = failingShop.get().equals(ex.getRequestHeaders().getFirst("X-Shopify-Shop-Domain"));
          int status = target && failuresToSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    receiver.start();
    hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks";
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    sim.close();
  }

  @BeforeEach
  void reset() {
    received.clear();
    failuresToSend.set(0);
  }

  /** The next delivery for this shop; deliveries of other tests' shops are skipped. */
  private static Received next(String shop) throws InterruptedException {
    while (true) {
      Received r = received.poll(10, TimeUnit.SECONDS);
      assertThat(r).as("a delivery arrived").isNotNull();
      if ((shop + ".myshopify.com").equals(r.header("X-Shopify-Shop-Domain"))) {
        return r;
      }
    }
  }

  private static ShopInfo shopWithHook(String name, String topic) {
    ShopInfo shop = sim.control().createShop(ShopSpec.named(name).generate(3, 1));
    sim.control().subscribe(name, topic, hook, null);
    return shop;
  }

  private static String firstProduct(String shop) {
    return sim.control().products(shop).get(0).gid();
  }

  @Test
  void computedVectorFromTheFactsVerifies() {
    String body =
        "{\"admin_graphql_api_id\":\"gid://shopify/BulkOperation/720918\",\"completed_at\":"
            + "\"2024-08-29T17:23:25Z\",\"created_at\":\"2024-08-29T17:16:35Z\",\"error_code\":null,\"status\":"
            + "\"completed\",\"type\":\"query\"}";
    assertThat(Hmacs.base64("hush", body.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("pdvJEIj3hOusHmR8Y4EMdxG1I2qHSwmSCtccgr9AdtM=");
  }

  @Test
  void productUpdateArrivesWithTheRealHeadersAndAVerifiableHmac() throws Exception {
    ShopInfo shop = sim.control().createShop(ShopSpec.named("hooks").generate(3, 1));
    String create =
        "mutation($t: WebhookSubscriptionTopic!, $u: String!) { webhookSubscriptionCreate(topic:"
            + " $t, webhookSubscription: {uri: $u}) { webhookSubscription { id topic uri }"
            + " userErrors { message } } }";
    var created =
        new SimClient(sim)
            .graphql(
                "hooks", shop.accessToken(), create, Map.of("t", "PRODUCTS_UPDATE", "u", hook));
    assertThat(created.at("/data/webhookSubscriptionCreate/webhookSubscription/topic").asText())
        .isEqualTo("PRODUCTS_UPDATE");

    sim.control().updateProduct("hooks", firstProduct("hooks"), Map.of("title", "Renamed ✓"));
    Received r = next("hooks");
    assertThat(r.header("X-Shopify-Topic")).isEqualTo("products/update");
    assertThat(r.header("X-Shopify-Shop-Domain")).isEqualTo("hooks.myshopify.com");
    assertThat(r.header("X-Shopify-API-Version")).isEqualTo("2026-04");
    assertThat(r.header("X-Shopify-Webhook-Id")).isNotBlank();
    assertThat(r.header("X-Shopify-Event-Id")).isNotBlank();
    assertThat(r.header("X-Shopify-Triggered-At")).isNotBlank();
    assertThat(r.header("X-Shopify-Hmac-Sha256"))
        .isEqualTo(Hmacs.base64(shop.clientSecret(), r.body()));
    assertThat(SimClient.tree(r.text()).get("title").asText()).isEqualTo("Renamed ✓");
  }

  @Test
  void failedDeliveriesAreRetriedWithTheSamePayload() throws Exception {
    shopWithHook("retry", "products/delete");
    failingShop.set("retry.myshopify.com");
    failuresToSend.set(2);
    sim.control().deleteProduct("retry", firstProduct("retry"));
    Received a = next("retry");
    Received b = next("retry");
    Received c = next("retry");
    assertThat(List.of(a.text(), b.text())).containsOnly(c.text());
    assertThat(List.of(a.header("X-Shopify-Webhook-Id"), b.header("X-Shopify-Webhook-Id")))
        .containsOnly(c.header("X-Shopify-Webhook-Id"));
  }

  @Test
  void deliveryFailsAfterEightRetries() throws Exception {
    shopWithHook("dead", "products/update");
    failingShop.set("dead.myshopify.com");
    failuresToSend.set(100);
    sim.control().updateProduct("dead", firstProduct("dead"), Map.of("vendor", "X"));
    for (int i = 0; i < 9; i++) {
      next("dead");
    }
    Delivery d = sim.control().deliveries("dead").get(0);
    for (int i = 0; i < 500 && d.status() != Delivery.Status.FAILED; i++) {
      Thread.onSpinWait();
      received.poll(10, TimeUnit.MILLISECONDS);
    }
    assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(d.toMap().get("attempts")).isEqualTo(9);
  }

  @Test
  void duplicatesShareTheEventId() throws Exception {
    shopWithHook("dupes", "products/update");
    sim.control().setFaults("dupes", Map.of("webhookDuplicates", 1));
    sim.control().updateProduct("dupes", firstProduct("dupes"), Map.of("vendor", "Y"));
    Received a = next("dupes");
    Received b = next("dupes");
    assertThat(a.header("X-Shopify-Event-Id")).isEqualTo(b.header("X-Shopify-Event-Id"));
    assertThat(a.header("X-Shopify-Webhook-Id")).isNotEqualTo(b.header("X-Shopify-Webhook-Id"));
  }

  @Test
  void heldDeliveriesAreReleasedInReverseOrder() throws Exception {
    shopWithHook("reorder", "products/update");
    sim.control().setFaults("reorder", Map.of("webhookHold", true));
    var products = sim.control().products("reorder");
    sim.control().updateProduct("reorder", products.get(0).gid(), Map.of("vendor", "first"));
    sim.control().updateProduct("reorder", products.get(1).gid(), Map.of("vendor", "second"));
    assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNull();
    assertThat(sim.control().releaseWebhooks("reorder", true)).isEqualTo(2);
    assertThat(SimClient.tree(next("reorder").text()).get("vendor").asText()).isEqualTo("second");
    assertThat(SimClient.tree(next("reorder").text()).get("vendor").asText()).isEqualTo("first");
  }

  @Test
  void uninstallAndComplianceTopicsAreDelivered() throws Exception {
    shopWithHook("leaving", "app/uninstalled");
    sim.control().configure("leaving", Map.of("complianceUri", hook));
    sim.control().uninstall("leaving");
    Received uninstalled = next("leaving");
    assertThat(uninstalled.header("X-Shopify-Topic")).isEqualTo("app/uninstalled");
    assertThat(SimClient.tree(uninstalled.text()).get("myshopify_domain").asText())
        .isEqualTo("leaving.myshopify.com");
    sim.control().sendCompliance("leaving", "shop/redact", null, null);
    Received redact = next("leaving");
    assertThat(redact.header("X-Shopify-Topic")).isEqualTo("shop/redact");
    assertThat(SimClient.tree(redact.text()).get("shop_domain").asText())
        .isEqualTo("leaving.myshopify.com");
  }

  @Test
  void bulkFinishIsDeliveredWithLowercaseStatus() throws Exception {
    ShopInfo shop = shopWithHook("finisher", "BULK_OPERATIONS_FINISH");
    var run =
        new SimClient(sim)
            .graphql(
                "finisher",
                shop.accessToken(),
                "mutation { bulkOperationRunQuery(query: \"{ products { edges { node { id } } }"
                    + " }\") { bulkOperation { id } userErrors { message } } }");
    Received r = next("finisher");
    var body = SimClient.tree(r.text());
    assertThat(r.header("X-Shopify-Topic")).isEqualTo("bulk_operations/finish");
    assertThat(body.get("admin_graphql_api_id").asText())
        .isEqualTo(run.at("/data/bulkOperationRunQuery/bulkOperation/id").asText());
    assertThat(body.get("status").asText()).isEqualTo("completed");
    assertThat(body.get("type").asText()).isEqualTo("query");
    assertThat(body.get("error_code").isNull()).isTrue();
  }
}
