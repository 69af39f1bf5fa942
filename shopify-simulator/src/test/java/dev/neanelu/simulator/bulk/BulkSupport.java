package dev.neanelu.simulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starting, awaiting and downloading bulk queries in tests. */
final class BulkSupport {

  /** Every connection the simulator exports, two levels deep: five connections in all. */
  static final String FULL_QUERY =
      """
      {
        products {
          edges { node {
            id title handle status vendor productType tags descriptionHtml createdAt updatedAt
            options { name }
            variants { edges { node {
              id title sku price compareAtPrice barcode position inventoryQuantity taxable inventoryPolicy
              selectedOptions { name value } createdAt updatedAt
              metafields { edges { node { id namespace key type value createdAt updatedAt } } }
            } } }
            metafields { edges { node { id namespace key type value createdAt updatedAt } } }
            media { edges { node { ... on MediaImage { id alt createdAt image { url width height } } } } }
          } }
        }
      }
      """;

  private final ShopifySimulator sim;
  private final SimClient client;

  BulkSupport(ShopifySimulator sim) {
    this.sim = sim;
    this.client = new SimClient(sim);
  }

  SimClient client() {
    return client;
  }

  JsonNode run(String shop, String token, String query, boolean groupObjects) {
    return client
        .graphql(
            shop,
            token,
            "mutation run($q: String!, $g: Boolean!) { bulkOperationRunQuery(query: $q,"
                + " groupObjects: $g) { bulkOperation { id status } userErrors { field message code"
                + " } } }",
            Map.of("q", query, "g", groupObjects))
        .at("/data/bulkOperationRunQuery");
  }

  /** Runs a bulk query to its end and returns the polled BulkOperation as GraphQL reports it. */
  JsonNode runToEnd(String shop, String token, String query, boolean groupObjects) {
    JsonNode started = run(shop, token, query, groupObjects);
    assertThat(started.get("userErrors")).isEmpty();
    String id = started.at("/bulkOperation/id").asText();
    sim.control().awaitBulkOperation(shop, id, Duration.ofSeconds(60));
    return poll(shop, token, id);
  }

  JsonNode poll(String shop, String token, String id) {
    return client
        .graphql(
            shop,
            token,
            "query($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount"
                + " rootObjectCount fileSize url partialDataUrl type query createdAt completedAt }"
                + " }",
            Map.of("id", id))
        .at("/data/bulkOperation");
  }

  String download(String url) {
    var response = client.get(url);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static List<JsonNode> lines(String jsonl) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      if (!line.isEmpty()) {
        out.add(SimClient.tree(line));
      }
    }
    return out;
  }
}
