package dev.neanelu.simulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bulk query exports of a generated (hostile) catalog.
 *
 * <ul>
 *   <li>lifecycle: COMPLETED, objectCount/rootObjectCount/fileSize as strings matching the file;
 *   <li>round trip: the export loaded into another shop exports to exactly the same lines, grouped
 *       or not;
 *   <li>parent links: every {@code __parentId} names an earlier line; grouped children sit in their
 *       product's block, ungrouped children are never directly below their parent;
 *   <li>another app's reserved-namespace metafields are not exported (nor counted);
 *   <li>HTTP Range on the result file; invalid bulk queries give INVALID user errors.
 * </ul>
 */
class BulkExportTest {

  private static ShopifySimulator sim;
  private static BulkSupport bulk;
  private static String token;

  @BeforeAll
  static void start() {
    sim = ShopifySimulator.start(SimulatorOptions.defaults());
    token = sim.control().createShop(ShopSpec.named("source").generate(60, 11)).accessToken();
    bulk = new BulkSupport(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void loadedCatalogRoundTripsExactly(boolean groupObjects) {
    JsonNode op = bulk.runToEnd("source", token, BulkSupport.FULL_QUERY, groupObjects);
    String exported = bulk.download(op.get("url").asText());
    String target = "copy-" + groupObjects;
    String targetToken = sim.control().createShop(ShopSpec.named(target)).accessToken();
    sim.control()
        .loadCatalog(
            target, new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)), true);

    JsonNode again = bulk.runToEnd(target, targetToken, BulkSupport.FULL_QUERY, groupObjects);
    String reExported = bulk.download(again.get("url").asText());
    assertThat(reExported.lines().toList())
        .containsExactlyInAnyOrderElementsOf(exported.lines().toList());
    assertThat(again.get("objectCount").asText()).isEqualTo(op.get("objectCount").asText());
  }

  @Test
  void completedOperationReportsCountsAsStrings() {
    JsonNode op = bulk.runToEnd("source", token, BulkSupport.FULL_QUERY, false);
    String file = bulk.download(op.get("url").asText());
    List<JsonNode> lines = BulkSupport.lines(file);
    assertThat(op.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(op.get("type").asText()).isEqualTo("QUERY");
    assertThat(op.get("objectCount").isTextual()).isTrue();
    assertThat(op.get("objectCount").asText()).isEqualTo(String.valueOf(lines.size()));
    assertThat(op.get("rootObjectCount").asText()).isEqualTo("60");
    assertThat(op.get("fileSize").asText())
        .isEqualTo(String.valueOf(file.getBytes(StandardCharsets.UTF_8).length));
    int expected = sim.control().products("source").stream().mapToInt(p -> p.objectCount()).sum();
    assertThat(lines).hasSize(expected);
  }

  @Test
  void groupedChildrenFollowTheirProductInOneBlock() {
    List<JsonNode> lines =
        BulkSupport.lines(
            bulk.download(
                bulk.runToEnd("source", token, BulkSupport.FULL_QUERY, true).get("url").asText()));
    Map<String, String> rootOf = roots(lines);
    Set<String> closed = new HashSet<>();
    String current = null;
    for (JsonNode line : lines) {
      String root = rootOf.get(line.get("id").asText());
      if (!root.equals(current)) {
        assertThat(closed).doesNotContain(root);
        if (current != null) {
          closed.add(current);
        }
        current = root;
        assertThat(line.has("__parentId")).as("a block starts with its product").isFalse();
      }
    }
  }

  @Test
  void ungroupedChildrenComeAfterButNeverDirectlyBelowTheirParent() {
    List<JsonNode> lines =
        BulkSupport.lines(
            bulk.download(
                bulk.runToEnd("source", token, BulkSupport.FULL_QUERY, false).get("url").asText()));
    roots(lines);
    for (int i = 1; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      if (line.has("__parentId")) {
        assertThat(line.get("__parentId").asText())
            .isNotEqualTo(lines.get(i - 1).get("id").asText());
      }
    }
  }

  /** Checks every parent link points to an earlier line; maps each id to its root product id. */
  private static Map<String, String> roots(List<JsonNode> lines) {
    Map<String, String> rootOf = new HashMap<>();
    for (JsonNode line : lines) {
      String id = line.get("id").asText();
      if (line.has("__parentId")) {
        String parent = line.get("__parentId").asText();
        assertThat(rootOf).as("parent of " + id + " appears earlier").containsKey(parent);
        rootOf.put(id, rootOf.get(parent));
      } else {
        assertThat(id).startsWith("gid://shopify/Product/");
        rootOf.put(id, id);
      }
    }
    return rootOf;
  }

  @Test
  void tailChildrenAreNotAdjacentWhenTheLastProductsLackChildren() {
    String t = sim.control().createShop(ShopSpec.named("tail")).accessToken();
    String jsonl =
        """
        {"id":"gid://shopify/Product/1","title":"a"}
        {"id":"gid://shopify/ProductVariant/11","title":"v","position":1,"__parentId":"gid://shopify/Product/1"}
        {"id":"gid://shopify/Product/2","title":"b"}
        {"id":"gid://shopify/Product/3","title":"c"}
        {"id":"gid://shopify/ProductVariant/31","title":"v","position":1,"__parentId":"gid://shopify/Product/3"}
        {"id":"gid://shopify/Metafield/311","key":"k","value":"x","__parentId":"gid://shopify/ProductVariant/31"}
        {"id":"gid://shopify/Metafield/32","key":"m","value":"y","__parentId":"gid://shopify/Product/3"}
        """;
    sim.control()
        .loadCatalog(
            "tail", new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), true);
    List<JsonNode> lines =
        BulkSupport.lines(
            bulk.download(
                bulk.runToEnd("tail", t, BulkSupport.FULL_QUERY, false).get("url").asText()));
    assertThat(lines).hasSize(7);
    roots(lines);
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).has("__parentId")) {
        assertThat(lines.get(i).get("__parentId").asText())
            .isNotEqualTo(lines.get(i - 1).get("id").asText());
      }
    }
  }

  @Test
  void anotherAppsMetafieldsAreLeftOutOfTheExport() {
    String t = sim.control().createShop(ShopSpec.named("foreign")).accessToken();
    String jsonl =
        """
        {"id":"gid://shopify/Product/1","title":"a"}
        {"id":"gid://shopify/ProductVariant/11","title":"v","position":1,"__parentId":"gid://shopify/Product/1"}
        {"id":"gid://shopify/Metafield/111","namespace":"app--4711","key":"k","value":"x","__parentId":"gid://shopify/ProductVariant/11"}
        {"id":"gid://shopify/Metafield/12","namespace":"app--4711--reviews","key":"m","value":"y","__parentId":"gid://shopify/Product/1"}
        {"id":"gid://shopify/Metafield/13","namespace":"app--sim-client-foreign","key":"m","value":"z","__parentId":"gid://shopify/Product/1"}
        """;
    sim.control()
        .loadCatalog(
            "foreign", new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), true);
    JsonNode op = bulk.runToEnd("foreign", t, BulkSupport.FULL_QUERY, false);
    List<JsonNode> lines = BulkSupport.lines(bulk.download(op.get("url").asText()));
    assertThat(lines)
        .extracting(l -> l.get("id").asText())
        .containsExactlyInAnyOrder(
            "gid://shopify/Product/1",
            "gid://shopify/ProductVariant/11",
            "gid://shopify/Metafield/13");
    assertThat(op.get("objectCount").asText()).isEqualTo("3");
  }

  @Test
  void resultFileHonoursRangeRequests() throws Exception {
    String url =
        bulk.runToEnd("source", token, "{ products { edges { node { id title } } } }", false)
            .get("url")
            .asText();
    String whole = bulk.download(url);
    var partial =
        bulk.client()
            .send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=10-99").build());
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.headers().firstValue("Content-Range"))
        .hasValue("bytes 10-99/" + whole.getBytes(StandardCharsets.UTF_8).length);
    assertThat(partial.body()).isEqualTo(whole.substring(10, 100));
    var beyond =
        bulk.client()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Range", "bytes=999999999-")
                    .build());
    assertThat(beyond.statusCode()).isEqualTo(416);
  }

  @Test
  void invalidBulkQueryIsAUserError() {
    JsonNode result =
        bulk.run("source", token, "{ products { edges { node { id colour } } } }", false);
    assertThat(result.get("bulkOperation").isNull()).isTrue();
    assertThat(result.at("/userErrors/0/code").asText()).isEqualTo("INVALID");
    assertThat(result.at("/userErrors/0/message").asText())
        .isEqualTo("Invalid bulk query: Field 'colour' doesn't exist on type 'Product'");
  }

  @Test
  void bulkQueryWithoutConnectionIsRejected() {
    JsonNode result = bulk.run("source", token, "{ shop { name } }", false);
    assertThat(result.at("/userErrors/0/code").asText()).isEqualTo("INVALID");
  }

  @Test
  void filteredExportHonoursTheSearchQuery() {
    String query = "{ products(query: \"status:draft\") { edges { node { id status } } } }";
    List<JsonNode> lines =
        BulkSupport.lines(
            bulk.download(bulk.runToEnd("source", token, query, false).get("url").asText()));
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.get("status").asText()).isEqualTo("DRAFT"));
  }
}
