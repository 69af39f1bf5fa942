package dev.neanelu.simulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk query limits and injected faults.
 *
 * <ul>
 *   <li>five running queries per shop, the sixth gets LIMIT_REACHED; cancel frees the slots;
 *   <li>FAILED at a given object count: errorCode, partialDataUrl holding exactly the lines
 *       produced;
 *   <li>dropped and truncated lines: COMPLETED with the full objectCount but fewer lines;
 *   <li>a download cut after N bytes fails the client; the next download is whole;
 *   <li>bulkOperations(query:) filters and the deprecated currentBulkOperation.
 * </ul>
 */
class BulkFaultsTest {

  private static final String SIMPLE = "{ products { edges { node { id title } } } }";

  private static ShopifySimulator sim;
  private static BulkSupport bulk;

  @BeforeAll
  static void start() {
    sim = ShopifySimulator.start(SimulatorOptions.defaults());
    bulk = new BulkSupport(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String shop(String name, int products) {
    return sim.control().createShop(ShopSpec.named(name).generate(products, 5)).accessToken();
  }

  @Test
  void sixthConcurrentQueryHitsTheLimitAndCancelFreesSlots() {
    String token = shop("limits", 10);
    sim.control().configure("limits", Map.of("exportObjectsPerSecond", 0.5));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonNode run = bulk.run("limits", token, SIMPLE, false);
      assertThat(run.get("userErrors")).isEmpty();
      assertThat(run.at("/bulkOperation/status").asText()).isEqualTo("CREATED");
      ids.add(run.at("/bulkOperation/id").asText());
    }
    JsonNode sixth = bulk.run("limits", token, SIMPLE, false);
    assertThat(sixth.get("bulkOperation").isNull()).isTrue();
    assertThat(sixth.at("/userErrors/0/code").asText()).isEqualTo("LIMIT_REACHED");

    JsonNode running =
        bulk.client()
            .graphql(
                "limits",
                token,
                "{ bulkOperations(first: 10, query: \"status:running operation_type:query\") {"
                    + " nodes { id } } }");
    assertThat(running.at("/data/bulkOperations/nodes")).hasSize(5);

    for (String id : ids) {
      JsonNode cancel =
          bulk.client()
              .graphql(
                  "limits",
                  token,
                  "mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status }"
                      + " userErrors { message } } }",
                  Map.of("id", id));
      // CANCELING as Shopify answers; CANCELED when the simulator finished cancelling before it answered (load).
      assertThat(cancel.at("/data/bulkOperationCancel/bulkOperation/status").asText())
          .isIn("CANCELING", "CANCELED");
    }
    for (String id : ids) {
      assertThat(sim.control().awaitBulkOperation("limits", id, Duration.ofSeconds(30)).status())
          .isEqualTo(BulkOperation.Status.CANCELED);
    }
    sim.control().configure("limits", Map.of("exportObjectsPerSecond", 0));
    assertThat(bulk.run("limits", token, SIMPLE, false).get("userErrors")).isEmpty();
  }

  @Test
  void injectedFailureLeavesPartialData() {
    String token = shop("failing", 30);
    sim.control().setFaults("failing", Map.of("bulkFailAtObjectCount", 12));
    JsonNode op = bulk.runToEnd("failing", token, SIMPLE, false);
    assertThat(op.get("status").asText()).isEqualTo("FAILED");
    assertThat(op.get("errorCode").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat(op.get("url").isNull()).isTrue();
    assertThat(op.get("objectCount").asText()).isEqualTo("12");
    assertThat(BulkSupport.lines(bulk.download(op.get("partialDataUrl").asText()))).hasSize(12);
    assertThat(bulk.runToEnd("failing", token, SIMPLE, false).get("status").asText())
        .isEqualTo("COMPLETED");
  }

  @Test
  void droppedAndTruncatedLinesKeepTheFullCount() {
    String token = shop("lossy", 20);
    sim.control().setFaults("lossy", Map.of("exportDropEveryNthLine", 4));
    JsonNode dropped = bulk.runToEnd("lossy", token, SIMPLE, true);
    assertThat(dropped.get("objectCount").asText()).isEqualTo("20");
    assertThat(BulkSupport.lines(bulk.download(dropped.get("url").asText()))).hasSize(15);

    sim.control()
        .setFaults("lossy", Map.of("exportDropEveryNthLine", 0, "exportTruncateAfterLines", 7));
    JsonNode truncated = bulk.runToEnd("lossy", token, SIMPLE, true);
    assertThat(truncated.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(truncated.get("objectCount").asText()).isEqualTo("20");
    assertThat(BulkSupport.lines(bulk.download(truncated.get("url").asText()))).hasSize(7);
  }

  @Test
  void downloadCutAfterNBytesFailsOnceThenSucceeds() throws Exception {
    String token = shop("cut", 50);
    String url = bulk.runToEnd("cut", token, SIMPLE, false).get("url").asText();
    sim.control().setFaults("cut", Map.of("downloadResetAfterBytes", 100));
    HttpRequest get = HttpRequest.newBuilder(URI.create(url)).build();
    assertThatThrownBy(() -> bulk.client().http().send(get, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(bulk.client().http().send(get, HttpResponse.BodyHandlers.ofString()).body().lines())
        .hasSize(50);
  }

  @Test
  void currentBulkOperationReturnsTheLatest() {
    String token = shop("current", 3);
    JsonNode op = bulk.runToEnd("current", token, SIMPLE, false);
    JsonNode current =
        bulk.client()
            .graphql("current", token, "{ currentBulkOperation { id status objectCount } }")
            .at("/data/currentBulkOperation");
    assertThat(current.get("id").asText()).isEqualTo(op.get("id").asText());
    assertThat(current.get("objectCount").asText()).isEqualTo("3");
    JsonNode completed =
        bulk.client()
            .graphql(
                "current",
                token,
                "{ bulkOperations(first: 5, query: \"status:completed\") { nodes { id } } }");
    assertThat(completed.at("/data/bulkOperations/nodes/0/id").asText())
        .isEqualTo(op.get("id").asText());
  }
}
