package dev.neanelu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cost calculation and throttling end to end, on a frozen clock so every number is exact.
 *
 * <ul>
 *   <li>the documented cost example (connection 2 + first × node): 82;
 *   <li>the documented extensions.cost example: requested 101, actual 46, 954 of 1000 left at 50/s;
 *   <li>requested cost above 1000: MAX_COST_EXCEEDED, nothing taken from the bucket;
 *   <li>over budget: HTTP 200, no data, THROTTLED, actualQueryCost null; passes again after the
 *       refill;
 *   <li>a THROTTLED storm fault throttles the next N requests; mutations cost 10.
 * </ul>
 */
class CostAndThrottleTest {

  private static ShopifySimulator sim;
  private static SimClient client;

  @BeforeAll
  static void start() {
    Clock frozen = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
    sim = ShopifySimulator.start(SimulatorOptions.defaults().clock(frozen));
    client = new SimClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String shop(String name, int products, double size, double rate) {
    return sim.control()
        .createShop(ShopSpec.named(name).generate(products, 3).bucket(size, rate))
        .accessToken();
  }

  @Test
  void nestedConnectionsCostAsDocumented() {
    String token = shop("cost-doc", 20, 2000, 100);
    JsonNode body =
        client.graphql(
            "cost-doc",
            token,
            "{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price"
                + " } } } } } } }");
    assertThat(body.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(82);
    int variants = 0;
    for (JsonNode edge : body.at("/data/products/edges")) {
      variants += edge.at("/node/variants/edges").size();
    }
    assertThat(body.at("/extensions/cost/actualQueryCost").asInt())
        .isEqualTo(2 + 10 * (1 + 2) + variants);
  }

  @Test
  void documentedCostExampleLeaves954() {
    String token = shop("cost-954", 44, 1000, 50);
    JsonNode body =
        client.graphql("cost-954", token, "{ products(first: 99) { edges { node { title } } } }");
    JsonNode cost = body.at("/extensions/cost");
    assertThat(cost.get("requestedQueryCost").asInt()).isEqualTo(101);
    assertThat(cost.get("actualQueryCost").asInt()).isEqualTo(46);
    assertThat(cost.at("/throttleStatus/maximumAvailable").asDouble()).isEqualTo(1000.0);
    assertThat(cost.at("/throttleStatus/currentlyAvailable").asInt()).isEqualTo(954);
    assertThat(cost.at("/throttleStatus/restoreRate").asDouble()).isEqualTo(50.0);
  }

  @Test
  void queriesAbove1000PointsAreRefusedBeforeExecution() {
    String token = shop("cost-max", 1, 2000, 100);
    JsonNode body =
        client.graphql(
            "cost-max",
            token,
            "{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }");
    assertThat(body.has("data")).isFalse();
    assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("MAX_COST_EXCEEDED");
    assertThat(body.at("/errors/0/extensions/maxCost").asInt()).isEqualTo(1000);
    assertThat(body.at("/extensions/cost/requestedQueryCost").asInt())
        .isEqualTo(2 + 250 * (1 + 2 + 250));
    assertThat(body.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt())
        .isEqualTo(2000);
  }

  @Test
  void overBudgetIsThrottledInHttp200UntilTheBucketRefills() {
    String token = shop("cost-throttle", 20, 100, 10);
    String query =
        "{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price } }"
            + " } } } } }";
    JsonNode first = client.graphql("cost-throttle", token, query);
    int left = first.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt();
    assertThat(left).isLessThan(82);

    JsonNode throttled = client.graphql("cost-throttle", token, query);
    assertThat(throttled.has("data")).isFalse();
    assertThat(throttled.at("/errors/0/message").asText()).isEqualTo("Throttled");
    assertThat(throttled.at("/errors/0/extensions/code").asText()).isEqualTo("THROTTLED");
    assertThat(throttled.at("/extensions/cost/actualQueryCost").isNull()).isTrue();
    assertThat(throttled.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(82);
    assertThat(throttled.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt())
        .isEqualTo(left);

    sim.clock().advance(Duration.ofSeconds((82 - left + 9) / 10));
    assertThat(client.graphql("cost-throttle", token, query).has("data")).isTrue();
    assertThat(sim.control().stats("cost-throttle").throttled.get()).isEqualTo(1);
  }

  @Test
  void throttleStormThrottlesTheNextRequests() {
    String token = shop("cost-storm", 1, 2000, 100);
    sim.control().setFaults("cost-storm", java.util.Map.of("throttleNext", 2));
    assertThat(
            client
                .graphql("cost-storm", token, "{ shop { name } }")
                .at("/errors/0/extensions/code")
                .asText())
        .isEqualTo("THROTTLED");
    assertThat(
            client
                .graphql("cost-storm", token, "{ shop { name } }")
                .at("/errors/0/extensions/code")
                .asText())
        .isEqualTo("THROTTLED");
    sim.clock().advance(Duration.ofSeconds(1));
    assertThat(
            client.graphql("cost-storm", token, "{ shop { name } }").at("/data/shop/name").asText())
        .isEqualTo("cost-storm");
  }

  @Test
  void mutationsCostTen() {
    String token = shop("cost-mutation", 1, 2000, 100);
    JsonNode body =
        client.graphql(
            "cost-mutation",
            token,
            "mutation { productCreate(product: {title: \"Board\"}) { product { id } userErrors {"
                + " message } } }");
    assertThat(body.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(10);
    assertThat(body.at("/extensions/cost/actualQueryCost").asInt()).isEqualTo(10);
    assertThat(body.at("/data/productCreate/product/id").asText())
        .startsWith("gid://shopify/Product/");
  }
}
