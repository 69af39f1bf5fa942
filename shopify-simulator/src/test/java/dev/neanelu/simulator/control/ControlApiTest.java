package dev.neanelu.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimClient;
import dev.neanelu.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code /_sim/} control API over HTTP, as the app's integration tests in other modules drive
 * it.
 *
 * <ul>
 *   <li>create a shop with plan and credentials, generate and load catalogs, snapshot, change and
 *       delete products;
 *   <li>faults: the next request answers 503; stats count calls and injected errors;
 *   <li>session tokens, clock and lifetimes, webhooks and deliveries, uninstall.
 * </ul>
 */
class ControlApiTest {

  private static ShopifySimulator sim;
  private static SimClient client;

  @BeforeAll
  static void start() {
    sim = ShopifySimulator.start(SimulatorOptions.defaults());
    client = new SimClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static JsonNode post(String path, Object body, int expected) {
    var r = client.post(path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    return SimClient.tree(r.body());
  }

  private static JsonNode get(String path) {
    var r = client.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SimClient.tree(r.body());
  }

  @Test
  void createsAShopAndServesItsCatalog() {
    JsonNode shop =
        post(
            "/_sim/shops",
            Map.of(
                "shop",
                "ctl",
                "plan",
                "PLUS",
                "clientId",
                "cid",
                "clientSecret",
                "a-secret-of-at-least-thirty-two-chars!",
                "accessToken",
                "shpat_ctl",
                "generateProducts",
                25,
                "seed",
                3),
            201);
    assertThat(shop.get("shop").asText()).isEqualTo("ctl.myshopify.com");
    assertThat(shop.get("shopBaseUrl").asText())
        .isEqualTo(sim.baseUrl() + "/shops/ctl.myshopify.com");
    assertThat(sim.baseUrlTemplate()).isEqualTo(sim.baseUrl() + "/shops/{shop}");
    assertThat(
            client
                .graphql("ctl", "shpat_ctl", "{ shop { plan { shopifyPlus } } }")
                .at("/data/shop/plan/shopifyPlus")
                .asBoolean())
        .isTrue();

    assertThat(
            post(
                    "/_sim/shops/ctl/catalog/generate",
                    Map.of("products", 5, "seed", 4, "replace", true),
                    200)
                .get("products")
                .asInt())
        .isEqualTo(5);
    JsonNode snapshot = get("/_sim/shops/ctl/catalog");
    assertThat(snapshot.get("products")).hasSize(5);

    String id = snapshot.at("/products/0/id").asText();
    String numeric = id.substring(id.lastIndexOf('/') + 1);
    var patch =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/_sim/shops/ctl/products/" + numeric))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"Patched\"}"))
                .build());
    assertThat(patch.statusCode()).isEqualTo(200);
    assertThat(sim.control().product("ctl", id).orElseThrow().title()).isEqualTo("Patched");
    var delete =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/_sim/shops/ctl/products/" + numeric))
                .DELETE()
                .build());
    assertThat(SimClient.tree(delete.body()).get("deleted").asBoolean()).isTrue();
    assertThat(get("/_sim/shops/ctl").get("products").asInt()).isEqualTo(4);
  }

  @Test
  void loadsBulkFormatJsonlWithChildrenBeforeParents() {
    post("/_sim/shops", Map.of("shop", "loader"), 201);
    String jsonl =
        """
        {"id":"gid://shopify/ProductVariant/11","title":"Default","sku":"A-1","price":"9.50","__parentId":"gid://shopify/Product/1"}
        {"id":"gid://shopify/Metafield/21","namespace":"custom","key":"fit","type":"single_line_text_field","value":"slim","__parentId":"gid://shopify/ProductVariant/11"}
        {"id":"gid://shopify/Product/1","title":"Loaded","handle":"loaded","status":"ACTIVE","vendor":"V","productType":"T","tags":["a","b"],"createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-02-01T00:00:00Z"}
        """;
    var r =
        client.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/shops/loader/catalog/load"))
                .POST(HttpRequest.BodyPublishers.ofString(jsonl))
                .build());
    assertThat(SimClient.tree(r.body()).get("loaded").asInt()).isEqualTo(1);
    var product = sim.control().products("loader").get(0);
    assertThat(product.variants().get(0).sku()).isEqualTo("A-1");
    assertThat(product.variants().get(0).metafields().get(0).value()).isEqualTo("slim");
  }

  @Test
  void serverErrorFaultAnswers503OnceAndStatsCountIt() {
    String token = post("/_sim/shops", Map.of("shop", "faulty"), 201).get("accessToken").asText();
    post("/_sim/shops/faulty/faults", Map.of("serverErrorsNext", 1), 200);
    assertThat(client.graphqlRaw("faulty", token, "{ shop { name } }", Map.of()).statusCode())
        .isEqualTo(503);
    assertThat(client.graphqlRaw("faulty", token, "{ shop { name } }", Map.of()).statusCode())
        .isEqualTo(200);
    JsonNode stats = get("/_sim/shops/faulty/stats");
    assertThat(stats.get("injectedServerErrors").asInt()).isEqualTo(1);
    assertThat(stats.get("graphqlCalls").asInt()).isEqualTo(1);
    var cleared =
        client.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/shops/faulty/faults"))
                .DELETE()
                .build());
    assertThat(SimClient.tree(cleared.body()).get("serverErrorsNext").asInt()).isZero();
  }

  @Test
  void mintsSessionTokensAndMovesTheClock() {
    post("/_sim/shops", Map.of("shop", "embedded"), 201);
    String token =
        post("/_sim/shops/embedded/session-token", Map.of("sub", "99"), 200).get("token").asText();
    assertThat(token.split("\\.")).hasSize(3);
    String before = get("/_sim/clock").get("now").asText();
    String after = post("/_sim/clock", Map.of("seconds", 3600), 200).get("now").asText();
    assertThat(
            java.time.Duration.between(
                    java.time.Instant.parse(before), java.time.Instant.parse(after))
                .toMinutes())
        .isBetween(59L, 61L);
    assertThat(
            post("/_sim/lifetimes", Map.of("accessTokenSeconds", 30), 200)
                .get("accessTokenSeconds")
                .asInt())
        .isEqualTo(30);
  }

  @Test
  void webhooksCanBeSubscribedAndListed() {
    post("/_sim/shops", Map.of("shop", "subscriber", "generateProducts", 1), 201);
    post(
        "/_sim/shops/subscriber/webhooks",
        Map.of("topic", "products/update", "uri", "http://127.0.0.1:9/none"),
        201);
    assertThat(get("/_sim/shops/subscriber/webhooks").get("subscriptions")).hasSize(1);
    post("/_sim/shops/subscriber/uninstall", Map.of(), 200);
    assertThat(get("/_sim/shops/subscriber").get("installed").asBoolean()).isFalse();
    assertThat(get("/_sim/shops/subscriber/webhooks/deliveries").get("deliveries")).isEmpty();
  }

  @Test
  void serverErrorRateFailsThatShareOfCallsReproducibly() {
    String token = post("/_sim/shops", Map.of("shop", "flaky"), 201).get("accessToken").asText();
    post("/_sim/shops/flaky/faults", Map.of("serverErrorRate", 1.0, "serverErrorStatus", 502), 200);
    assertThat(client.graphqlRaw("flaky", token, "{ shop { name } }", Map.of()).statusCode())
        .isEqualTo(502);
    post("/_sim/shops/flaky/faults", Map.of("serverErrorRate", 0.5, "seed", 7), 200);
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      first.append(
          client.graphqlRaw("flaky", token, "{ shop { name } }", Map.of()).statusCode() == 200
              ? '.'
              : 'x');
    }
    post("/_sim/shops/flaky/faults", Map.of("seed", 7), 200);
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      second.append(
          client.graphqlRaw("flaky", token, "{ shop { name } }", Map.of()).statusCode() == 200
              ? '.'
              : 'x');
    }
    assertThat(first.toString()).contains(".").contains("x").isEqualTo(second.toString());
  }

  @Test
  void unknownShopIs404() {
    assertThat(client.get("/_sim/shops/nobody").statusCode()).isEqualTo(404);
    var r =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/shops/nobody/admin/api/2026-04/graphql.json"))
                .header("X-Shopify-Access-Token", "x")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}"))
                .build());
    assertThat(r.statusCode()).isEqualTo(404);
  }
}
