package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Webhooks that land while a full sync runs are not undone by it. The sync reads an export taken before the
 * webhooks; its file is served in two halves with a pause between them, during which a product is created and
 * another (whose line is in the second half) deleted through webhooks. After the sync: the created product is not
 * marked deleted by the reconcile, and the deleted one is not brought back by the export's older line.
 */
class WebhookDuringSyncIT {

  @Test
  void aFullSyncKeepsWhatWebhooksChangedWhileItRan() throws Exception {
    String shop = InstallFlow.newShop("during");
    Simulator.get().control().generateCatalog(shop, 30, 23);
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    await().atMost(Duration.ofMinutes(3)).until(() -> WebhookCatalogIT.finishedSync(shop));
    String firstRun = lastRun(shop).getString("runId");
    List<String> lines = download(Simulator.get().control().bulkOperations(shop).get(0).url());
    String half = String.join("\n", lines.subList(0, lines.size() / 2)) + "\n";
    String rest = String.join("\n", lines.subList(lines.size() / 2, lines.size())) + "\n";
    long deleted = productIn(rest);

    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    files.createContext("/", ex -> serveInHalves(ex, half, rest, reached, release));
    files.start();
    try {
      String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/export.jsonl";
      HttpResponse<String> started =
          Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/sync", "{\"mode\":\"full\",\"jsonlUrl\":\"" + url + "\"}");
      assertThat(started.statusCode()).as(started.body()).isIn(200, 201, 202);
      assertThat(reached.await(2, TimeUnit.MINUTES)).as("the sync reads the file").isTrue();

      long created = 9_300_000_000_000L + (System.nanoTime() % 1_000_000);
      assertThat(Webhooks.deliver(Webhooks.Delivery.signed("products/create", shop,
          WebhookCatalogIT.restPayload(created, "born during the sync", Instant.now()))).statusCode()).isEqualTo(200);
      assertThat(Webhooks.deliver(Webhooks.Delivery.signed("products/delete", shop, "{\"id\":" + deleted + "}"))
          .statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(60)).until(() -> Webhooks.pending(shop) == 0 && isDeleted(shop, deleted));
      release.countDown();

      await().atMost(Duration.ofMinutes(2)).until(() -> {
        JsonObject run = lastRun(shop);
        return run != null && !run.getString("runId").equals(firstRun) && !run.getString("status").equals("RUNNING");
      });
      assertThat(lastRun(shop).getString("status")).as(lastRun(shop).toString()).startsWith("SUCCEEDED");
      assertThat(isDeleted(shop, created)).as("created by a webhook during the sync").isFalse();
      assertThat(isDeleted(shop, deleted)).as("deleted by a webhook during the sync").isTrue();
      assertThat(CatalogIngestIT.summary(shop).getInt("deleted")).isEqualTo(1);
    } finally {
      release.countDown();
      files.stop(0);
    }
  }

  private static void serveInHalves(
      HttpExchange ex, String half, String rest, CountDownLatch reached, CountDownLatch release) throws IOException {
    // Ranges are ignored (a plain 200, chunked), so the job reads the file whole, in one stream.
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(half.getBytes(StandardCharsets.UTF_8));
      out.flush();
      reached.countDown();
      try {
        release.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write(rest.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static long productIn(String jsonl) {
    for (String line : jsonl.split("\n")) {
      JsonObject doc = Json.createReader(new StringReader(line)).readObject();
      if (doc.getString("id").startsWith("gid://shopify/Product/")) {
        return Long.parseLong(doc.getString("id").substring("gid://shopify/Product/".length()));
      }
    }
    throw new AssertionError("no product line in the second half");
  }

  private static boolean isDeleted(String shop, long id) {
    return Webhooks.count(
            "SELECT count(*) FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.shop_domain = ?"
                + " AND p.product_id = ? AND p.deleted_at IS NOT NULL", shop, id) == 1;
  }

  private static JsonObject lastRun(String shop) {
    JsonValue last = CatalogIngestIT.summary(shop).get("lastSync");
    return last instanceof JsonObject run ? run : null;
  }

  private static List<String> download(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return response.body().lines().filter(l -> !l.isBlank()).toList();
  }
}
