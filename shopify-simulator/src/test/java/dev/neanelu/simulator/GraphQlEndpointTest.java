package dev.neanelu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GraphQL endpoint against the real 2026-04 schema.
 *
 * <ul>
 *   <li>no or unknown token: HTTP 401 with Shopify's body;
 *   <li>unknown field, unknown argument, unknown type, missing argument: HTTP 200 with graphql-ruby
 *       shaped errors;
 *   <li>a valid query: data plus {@code extensions.cost} with the throttle status.
 * </ul>
 */
class GraphQlEndpointTest {

  private static ShopifySimulator sim;
  private static SimClient client;
  private static String token;

  @BeforeAll
  static void start() {
    sim = ShopifySimulator.start(SimulatorOptions.defaults());
    token = sim.control().createShop(ShopSpec.named("acme").generate(5, 7)).accessToken();
    client = new SimClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void requestWithoutTokenIsUnauthorized() {
    var response = client.graphqlRaw("acme", null, "{ shop { name } }", Map.of());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("Invalid API key or access token");
  }

  @Test
  void requestWithUnknownTokenIsUnauthorized() {
    assertThat(client.graphqlRaw("acme", "shpat_nope", "{ shop { name } }", Map.of()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void unknownFieldIsRejectedWithShopifyShapedError() {
    JsonNode body = client.graphql("acme", token, "{ shop { name notAField } }");
    JsonNode error = body.get("errors").get(0);
    assertThat(body.has("data")).isFalse();
    assertThat(error.get("message").asText())
        .isEqualTo("Field 'notAField' doesn't exist on type 'Shop'");
    assertThat(error.at("/extensions/code").asText()).isEqualTo("undefinedField");
    assertThat(error.at("/extensions/typeName").asText()).isEqualTo("Shop");
    assertThat(error.at("/extensions/fieldName").asText()).isEqualTo("notAField");
    assertThat(error.at("/locations/0/line").asInt()).isEqualTo(1);
    assertThat(error.get("path").toString()).isEqualTo("[\"query\",\"shop\",\"notAField\"]");
    assertThat(body.at("/extensions/cost/throttleStatus/maximumAvailable").asDouble())
        .isEqualTo(2000.0);
  }

  @Test
  void unknownArgumentIsRejected() {
    JsonNode error =
        client
            .graphql("acme", token, "{ products(first: 1, color: \"red\") { nodes { id } } }")
            .get("errors")
            .get(0);
    assertThat(error.at("/extensions/code").asText()).isEqualTo("argumentNotAccepted");
    assertThat(error.get("message").asText())
        .isEqualTo("Field 'products' doesn't accept argument 'color'");
  }

  @Test
  void unknownTypeInFragmentIsRejected() {
    JsonNode error =
        client
            .graphql(
                "acme", token, "{ node(id: \"gid://shopify/Product/1\") { ... on Widget { id } } }")
            .get("errors")
            .get(0);
    assertThat(error.at("/extensions/code").asText()).isEqualTo("undefinedType");
  }

  @Test
  void missingRequiredArgumentIsRejected() {
    JsonNode error = client.graphql("acme", token, "{ product { id } }").get("errors").get(0);
    assertThat(error.at("/extensions/code").asText()).isEqualTo("missingRequiredArguments");
    assertThat(error.get("message").asText())
        .isEqualTo("Field 'product' is missing required arguments: id");
  }

  @Test
  void validQueryReturnsDataAndCost() {
    JsonNode body =
        client.graphql(
            "acme",
            token,
            "{ shop { name myshopifyDomain plan { shopifyPlus } } products(first: 2) { nodes { id"
                + " title } } }");
    assertThat(body.has("errors")).isFalse();
    assertThat(body.at("/data/shop/myshopifyDomain").asText()).isEqualTo("acme.myshopify.com");
    assertThat(body.at("/data/products/nodes")).hasSize(2);
    assertThat(body.at("/data/products/nodes/0/id").asText()).startsWith("gid://shopify/Product/");
    JsonNode cost = body.at("/extensions/cost");
    assertThat(cost.get("requestedQueryCost").asInt()).isEqualTo(2 + 2 + 2 * 1);
    assertThat(cost.get("actualQueryCost").asInt()).isEqualTo(6);
    assertThat(cost.at("/throttleStatus/restoreRate").asDouble()).isEqualTo(100.0);
  }

  @Test
  void connectionWithoutPageSizeIsAnError() {
    JsonNode body = client.graphql("acme", token, "{ products { nodes { id } } }");
    assertThat(body.at("/errors/0/message").asText())
        .isEqualTo("you must provide one of first or last");
  }
}
