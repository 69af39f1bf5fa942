package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.neanelu.simulator.catalog.Product;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks keep the catalog current. The shop is installed through OAuth (which subscribes the product topics at the
 * application's address) with a synced catalog; then the simulator changes products and delivers the webhooks the
 * way Shopify does — repeated, held and released out of order — or the test delivers signed payloads itself.
 */
class WebhookCatalogIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static String shop;

  @BeforeAll
  static void installedWithACatalog() {
    shop = InstallFlow.newShop("hooks");
    Simulator.get().control().generateCatalog(shop, 30, 11);
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    await().atMost(Duration.ofMinutes(3)).until(() -> finishedSync(shop));
    assertThat(CatalogIngestIT.summary(shop).getInt("products")).isEqualTo(30);
  }

  @Test
  void theSameEventDeliveredThreeTimesIsStoredAndAppliedOnce() {
    Product product = product(0);
    long before = Webhooks.inboxRows(shop);
    int sent = Simulator.get().control().deliveries(shop).size();
    Simulator.get().control().setFaults(shop, Map.of("webhookDuplicates", 2));
    try {
      Simulator.get().control().updateProduct(shop, product.gid(), Map.of("title", "thrice " + product.id()));
    } finally {
      Simulator.get().control().clearFaults(shop);
    }
    await().atMost(PATIENCE).until(() -> delivered(sent, 3));
    await().atMost(PATIENCE).until(() -> Webhooks.pending(shop) == 0);
    assertThat(Webhooks.inboxRows(shop) - before).isEqualTo(1);
    assertThat(title(product.id())).isEqualTo("thrice " + product.id());
    assertThat(appliedRows(product.id())).isEqualTo(1);
  }

  @Test
  void concurrentCopiesOfOneDeliveryStoreOneRow() throws Exception {
    Product product = product(1);
    String body = restPayload(product.id(), "concurrent", Instant.now().plusSeconds(3600));
    Webhooks.Delivery delivery = Webhooks.Delivery.signed("products/update", shop, body);
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(CompletableFuture.supplyAsync(() -> Webhooks.deliver(delivery)));
    }
    for (CompletableFuture<HttpResponse<String>> response : sent) {
      assertThat(response.get().statusCode()).isEqualTo(200);
    }
    assertThat(Webhooks.count("SELECT count(*) FROM webhook_inbox WHERE event_id = ?", delivery.eventId()))
        .isEqualTo(1);
    await().atMost(PATIENCE).until(() -> "concurrent".equals(title(product.id())));
  }

  @Test
  void updatesDeliveredNewestFirstKeepTheNewest() {
    Product product = product(2);
    int sent = Simulator.get().control().deliveries(shop).size();
    Simulator.get().control().setFaults(shop, Map.of("webhookHold", true));
    Simulator.get().control().updateProduct(shop, product.gid(), Map.of("title", "older"));
    Simulator.get().control().updateProduct(shop, product.gid(), Map.of("title", "newest"));
    Simulator.get().control().clearFaults(shop);
    assertThat(Simulator.get().control().releaseWebhooks(shop, true)).isEqualTo(2);
    await().atMost(PATIENCE).until(() -> delivered(sent, 2) && Webhooks.pending(shop) == 0);
    assertThat(title(product.id())).isEqualTo("newest");
  }

  @Test
  void anOlderUpdateAppliedAfterANewerOneIsKeptOut() {
    Product product = product(5);
    Instant newer = Instant.now().plusSeconds(86_400);
    Webhooks.Delivery first =
        Webhooks.Delivery.signed("products/update", shop, restPayload(product.id(), "newer", newer));
    assertThat(Webhooks.deliver(first).statusCode()).isEqualTo(200);
    await().atMost(PATIENCE).until(() -> "newer".equals(title(product.id())));
    Webhooks.Delivery late = Webhooks.Delivery.signed(
        "products/update", shop, restPayload(product.id(), "older", newer.minusSeconds(60)));
    assertThat(Webhooks.deliver(late).statusCode()).isEqualTo(200);
    await().atMost(PATIENCE).until(() -> "applied".equals(status(late.eventId())));
    assertThat(title(product.id())).isEqualTo("newer");
    assertThat(Webhooks.text("SELECT outcome FROM webhook_inbox WHERE event_id = ?", late.eventId()))
        .startsWith("kept the stored product");
  }

  private static String status(String eventId) {
    return Webhooks.text("SELECT status FROM webhook_inbox WHERE event_id = ?", eventId);
  }

  @Test
  void aDeleteIsNotUndoneByALateOlderUpdate() {
    Product product = product(3);
    Instant deletedAt = Instant.now();
    assertThat(Webhooks.deliver(Webhooks.Delivery.signed("products/delete", shop, "{\"id\":" + product.id() + "}")
        .withTriggeredAt(deletedAt)).statusCode()).isEqualTo(200);
    await().atMost(PATIENCE).until(() -> deleted(product.id()));
    String late = restPayload(product.id(), "resurrected?", deletedAt.minusSeconds(60));
    assertThat(Webhooks.deliver(Webhooks.Delivery.signed("products/update", shop, late)).statusCode())
        .isEqualTo(200);
    await().atMost(PATIENCE).until(() -> Webhooks.pending(shop) == 0);
    assertThat(deleted(product.id())).isTrue();
    assertThat(title(product.id())).isNotEqualTo("resurrected?");
  }

  @Test
  void aNewProductArrivesWithVariantsMediaAndGraphqlNames() {
    long id = 9_100_000_000_000L + (System.nanoTime() % 1_000_000);
    String body = restPayload(id, "Brand new\u0000 hoodie", Instant.now());
    assertThat(Webhooks.deliver(Webhooks.Delivery.signed("products/create", shop, body)).statusCode())
        .isEqualTo(200);
    await().atMost(PATIENCE).until(() -> title(id) != null);
    assertThat(title(id)).isEqualTo("Brand new\uFFFD hoodie");
    JsonObject stored = Http.json(Http.getAsAdmin("/api/ops/shops/" + shop + "/products/" + id));
    assertThat(stored.getString("id")).isEqualTo("gid://shopify/Product/" + id);
    assertThat(stored.getString("status")).isEqualTo("ACTIVE");
    assertThat(stored.getString("descriptionHtml")).isEqualTo("<p>warm</p>");
    assertThat(stored.getJsonArray("tags")).hasSize(2);
    assertThat(stored.getJsonArray("variants")).hasSize(1);
    JsonObject variant = stored.getJsonArray("variants").getJsonObject(0);
    assertThat(variant.getString("sku")).isEqualTo("SKU-" + id);
    assertThat(variant.getString("inventoryPolicy")).isEqualTo("DENY");
    assertThat(variant.getJsonArray("selectedOptions").getJsonObject(0).getString("value")).isEqualTo("M");
    assertThat(stored.getJsonArray("media")).hasSize(1);
    assertThat(stored.getJsonArray("media").getJsonObject(0).getString("mediaContentType")).isEqualTo("IMAGE");
  }

  @Test
  void aStaleDeliveryIsStoredButNotApplied() {
    Product product = product(4);
    String body = restPayload(product.id(), "from two days ago", Instant.now().plusSeconds(7200));
    Webhooks.Delivery old =
        Webhooks.Delivery.signed("products/update", shop, body).withTriggeredAt(Instant.now().minusSeconds(172_800));
    assertThat(Webhooks.deliver(old).statusCode()).isEqualTo(200);
    assertThat(Webhooks.text("SELECT status FROM webhook_inbox WHERE event_id = ?", old.eventId()))
        .isEqualTo("stale");
    assertThat(title(product.id())).isNotEqualTo("from two days ago");
  }

  @Test
  void aDataRequestIsRecordedWithItsReportAndTheContactDetailsAreDropped() {
    Simulator.get().control().sendCompliance(shop, "customers/data_request", Http.BASE + "/webhooks", null);
    await().atMost(PATIENCE).until(() -> compliance().size() > 0);
    JsonObject request = compliance().get(0).asJsonObject();
    assertThat(request.getString("topic")).isEqualTo("customers/data_request");
    assertThat(request.getJsonNumber("customerId").longValue()).isEqualTo(191167L);
    assertThat(request.getJsonNumber("dataRequestId").longValue()).isEqualTo(9999L);
    assertThat(request.getJsonObject("report").getJsonArray("personalData")).isEmpty();
    assertThat(Webhooks.count("SELECT count(*) FROM webhook_inbox WHERE topic LIKE 'customers/%'"
        + " AND (body LIKE '%john@example.com%' OR body LIKE '%555-625-1199%')")).isZero();
  }

  private static List<JsonValue> compliance() {
    HttpResponse<String> response = Http.getAsAdmin("/api/ops/shops/" + shop + "/compliance");
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** A REST product payload as Shopify's product webhooks carry it (one variant, one media image). */
  static String restPayload(long id, String title, Instant updatedAt) {
    long variant = id + 1;
    long media = id + 2;
    return Json.createObjectBuilder()
        .add("admin_graphql_api_id", "gid://shopify/Product/" + id)
        .add("body_html", "<p>warm</p>")
        .add("created_at", "2024-05-01T12:00:00Z")
        .add("handle", "hoodie-" + id)
        .add("id", id)
        .add("product_type", "Hoodies")
        .add("title", title)
        .add("updated_at", updatedAt.toString())
        .add("vendor", "Neanelu")
        .add("status", "active")
        .add("tags", "warm, winter")
        .add("options", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Size")
            .add("position", 1).add("values", Json.createArrayBuilder().add("M"))))
        .add("variants", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("admin_graphql_api_id", "gid://shopify/ProductVariant/" + variant)
            .add("id", variant).add("product_id", id).add("title", "M").add("sku", "SKU-" + id)
            .add("price", "49.00").add("position", 1).add("inventory_policy", "deny").add("option1", "M")
            .add("option2", JsonValue.NULL).add("option3", JsonValue.NULL)
            .add("updated_at", updatedAt.toString())))
        .add("media", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("id", media).add("admin_graphql_api_id", "gid://shopify/MediaImage/" + media)
            .add("media_content_type", "IMAGE").add("status", "READY").add("alt", "front")
            .add("preview_image", Json.createObjectBuilder().add("src", "https://cdn.example/h.png")
                .add("width", 10).add("height", 10))))
        .build()
        .toString();
  }

  private static Product product(int index) {
    return Simulator.get().control().products(shop).get(index);
  }

  /** Whether the simulator delivered at least {@code copies} product updates after its first {@code from}. */
  private static boolean delivered(int from, int copies) {
    var deliveries = Simulator.get().control().deliveries(shop);
    return deliveries.subList(from, deliveries.size()).stream()
            .filter(d -> d.topic().equals("products/update") && d.status().name().equals("DELIVERED"))
            .count() >= copies;
  }

  private static String title(long id) {
    return Webhooks.text(
        "SELECT p.title FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.shop_domain = ? AND p.product_id = ?",
        shop, id);
  }

  private static boolean deleted(long id) {
    return Webhooks.count(
        "SELECT count(*) FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.shop_domain = ?"
            + " AND p.product_id = ? AND p.deleted_at IS NOT NULL", shop, id) == 1;
  }

  private static long appliedRows(long id) {
    return Webhooks.count(
        "SELECT count(*) FROM webhook_inbox i JOIN shops s ON s.id = i.shop_id WHERE s.shop_domain = ?"
            + " AND i.status = 'applied' AND i.outcome LIKE ?", shop, "product " + id + " stored%");
  }

  static boolean finishedSync(String shop) {
    JsonValue last = CatalogIngestIT.summary(shop).get("lastSync");
    return last instanceof JsonObject run && !run.getString("status").equals("RUNNING");
  }

  static String newEventId() {
    return UUID.randomUUID().toString();
  }
}
