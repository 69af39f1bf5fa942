package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.neanelu.simulator.catalog.Product;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation sweep fixes what webhooks missed: a product changed in the simulator while its delivery is
 * held back (never released: as good as lost) is read by the next sweep through the Admin API and stored.
 */
class WebhookSweepIT {

  @Test
  void aProductChangedWhileItsWebhookIsDroppedIsFixedByTheNextSweep() {
    String shop = InstallFlow.newShop("sweep");
    Simulator.get().control().generateCatalog(shop, 20, 17);
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    await().atMost(Duration.ofMinutes(3)).until(() -> WebhookCatalogIT.finishedSync(shop));
    Product product = Simulator.get().control().products(shop).get(7);

    Simulator.get().control().setFaults(shop, Map.of("webhookHold", true));
    Simulator.get().control().updateProduct(shop, product.gid(), Map.of("title", "missed by its webhook"));
    assertThat(title(shop, product.id())).isNotEqualTo("missed by its webhook");

    // Asked twice at once: both are accepted, at most one more sweep is queued per one waiting, and the result is
    // the same as one sweep's.
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(() -> Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/sweep", "{}"));
    HttpResponse<String> sweep = Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/sweep", "{}");
    assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(202);
    assertThat(first.join().statusCode()).isEqualTo(202);
    assertThat(Http.json(sweep).getBoolean("queued") || Http.json(first.join()).getBoolean("queued")).isTrue();
    await().atMost(Duration.ofSeconds(60)).until(() -> "missed by its webhook".equals(title(shop, product.id())));
    await().atMost(Duration.ofSeconds(30)).until(() -> state(shop).containsKey("lastOutcome"));
    JsonObject state = state(shop);
    assertThat(state.getString("lastOutcome")).startsWith("applied 1 of 1 products");
    assertThat(state.getString("sweptThrough")).isNotBlank();
    assertThat(Webhooks.count("SELECT count(*) FROM work_items w JOIN shops s ON s.id = w.shop_id"
        + " WHERE s.shop_domain = ? AND w.kind = 'catalog-sweep' AND w.state = 'dead'", shop)).isZero();
    assertThat(Simulator.get().control().deliveries(shop).stream()
        .filter(d -> d.topic().equals("products/update") && d.status().name().equals("DELIVERED"))).isEmpty();
  }

  private static JsonObject state(String shop) {
    return Http.json(Http.getAsAdmin("/api/ops/shops/" + shop + "/sweep"));
  }

  private static String title(String shop, long id) {
    return Webhooks.text(
        "SELECT p.title FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.shop_domain = ? AND p.product_id = ?",
        shop, id);
  }
}
