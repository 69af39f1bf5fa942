package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Shopify client inside Liberty against the simulator. Scenarios: a registered shop's live overview goes
 * through the facade (sealed token opened, cost paced) and shows in the usage counters; a shop whose Admin API
 * answers 5xx gets 502s, then its circuit opens (503 + Retry-After, no more calls reach it) while another shop's
 * calls keep succeeding; an unknown shop is a 404, not a failed Shopify call.
 */
class ShopifyCircuitIT {

  @Test
  void aRegisteredShopIsCalledThroughTheFacade() {
    String shop = Simulator.shopRegisteredWithApp("overview", "plus");
    HttpResponse<String> response = Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).getJsonObject("shop").getString("myshopifyDomain")).isEqualTo(shop);
    assertThat(Http.json(Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify/usage")).getJsonNumber("calls").intValue())
        .isEqualTo(1);
  }

  @Test
  void anUnknownShopIsNotFound() {
    ProblemDetailsIT.assertProblem(Http.getAsAdmin("/api/ops/shops/nobody-here.myshopify.com/shopify"), 404, "NEANELU-E001");
  }

  @Test
  void aFailingShopOpensItsOwnCircuitAndOthersKeepWorking() {
    String broken = Simulator.shopRegisteredWithApp("broken", "standard");
    String healthy = Simulator.shopRegisteredWithApp("healthy", "standard");
    Simulator.get().control().setFaults(broken, Map.of("serverErrorRate", 1.0, "serverErrorStatus", 503));

    ProblemDetailsIT.assertProblem(Http.getAsAdmin("/api/ops/shops/" + broken + "/shopify"), 502, "NEANELU-E012");
    HttpResponse<String> open = Http.getAsAdmin("/api/ops/shops/" + broken + "/shopify");
    ProblemDetailsIT.assertProblem(open, 503, "NEANELU-E011");
    assertThat(open.headers().firstValue("Retry-After")).isPresent();
    long callsWhenOpen = Simulator.get().control().stats(broken).graphqlCalls.get();

    assertThat(Http.getAsAdmin("/api/ops/shops/" + healthy + "/shopify").statusCode()).isEqualTo(200);
    ProblemDetailsIT.assertProblem(Http.getAsAdmin("/api/ops/shops/" + broken + "/shopify"), 503, "NEANELU-E011");
    assertThat(Simulator.get().control().stats(broken).graphqlCalls.get()).isEqualTo(callsWhenOpen);
  }
}
