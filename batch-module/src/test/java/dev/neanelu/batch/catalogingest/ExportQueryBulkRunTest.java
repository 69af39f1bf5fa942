package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import dev.neanelu.simulator.graphql.AdminSchema;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated export query run as a bulk operation ({@code groupObjects: false}) by the simulator in-process, on a
 * generated shop of 300 products.
 *
 * <ul>
 *   <li>the simulator accepts it (bulk validation: one root connection, at most five connections, two levels) and
 *       the operation COMPLETES;
 *   <li>every line is a JSON object, and {@code objectCount} equals the number of lines;
 *   <li>product lines are the roots (300 of them) and carry every generated Product field; variant lines carry
 *       {@code __parentId} naming an earlier product and every generated ProductVariant field; fields the schema
 *       declares non-null are never null, so the simulator resolves each of them;
 *   <li>metafield and media lines come out too, each naming an earlier parent.
 * </ul>
 */
class ExportQueryBulkRunTest {

  private static final String SHOP = "export-everything";
  private static final int PRODUCTS = 300;
  private static final String RUN_BULK_QUERY =
      "mutation run($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: false) {"
          + " bulkOperation { id status } userErrors { field message code } } }";
  private static final String POLL =
      "query($id: ID!) { bulkOperation(id: $id) { status errorCode objectCount rootObjectCount url } }";

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static ShopifySimulator sim;
  private static String token;
  private static JsonObject operation;
  private static List<JsonObject> lines;

  @BeforeAll
  static void export() throws Exception {
    sim = ShopifySimulator.start(SimulatorOptions.defaults());
    token = sim.control().createShop(ShopSpec.named(SHOP).generate(PRODUCTS, 42)).accessToken();
    JsonObject started =
        graphql(RUN_BULK_QUERY, Json.createObjectBuilder().add("q", ExportQueryGenerator.generate()).build())
            .getJsonObject("bulkOperationRunQuery");
    assertThat(started.getJsonArray("userErrors")).as("bulk query accepted").isEmpty();
    String id = started.getJsonObject("bulkOperation").getString("id");
    sim.control().awaitBulkOperation(SHOP, id, Duration.ofSeconds(60));
    operation = graphql(POLL, Json.createObjectBuilder().add("id", id).build()).getJsonObject("bulkOperation");
    lines = operation.isNull("url") ? List.of() : parse(get(operation.getString("url")));
  }

  @AfterAll
  static void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void completesWithOneObjectPerLine() {
    assertThat(operation.getString("status")).isEqualTo("COMPLETED");
    assertThat(lines).isNotEmpty();
    assertThat(operation.getString("objectCount")).isEqualTo(String.valueOf(lines.size()));
    assertThat(operation.getString("rootObjectCount")).isEqualTo(String.valueOf(PRODUCTS));
  }

  @Test
  void productLinesCarryEveryGeneratedProductField() {
    List<JsonObject> products = ofType("Product");
    assertThat(products).hasSize(PRODUCTS).allSatisfy(line -> assertThat(line).doesNotContainKey("__parentId"));
    assertCarries(products, "Product");
    assertThat(products).allSatisfy(line -> assertThat(line).containsKeys("options", "seo"));
  }

  @Test
  void variantLinesCarryTheirParentAndEveryGeneratedVariantField() {
    List<JsonObject> variants = ofType("ProductVariant");
    assertThat(variants).hasSizeGreaterThanOrEqualTo(PRODUCTS);
    assertThat(variants)
        .allSatisfy(line -> assertThat(line.getString("__parentId")).startsWith("gid://shopify/Product/"));
    assertCarries(variants, "ProductVariant");
    assertThat(variants).allSatisfy(line -> assertThat(line).containsKey("selectedOptions"));
  }

  @Test
  void nestedLinesNameAnEarlierParent() {
    assertThat(ofType("Metafield")).isNotEmpty();
    assertThat(ofType("MediaImage")).isNotEmpty();
    Set<String> seen = new HashSet<>();
    for (JsonObject line : lines) {
      if (line.containsKey("__parentId")) {
        assertThat(seen).as("parent of " + line.getString("id")).contains(line.getString("__parentId"));
      }
      seen.add(line.getString("id"));
    }
  }

  /** Every line has every selected field of {@code type}; the schema's non-null fields have values. */
  private static void assertCarries(List<JsonObject> typed, String type) {
    GraphQLObjectType object = AdminSchema.get().getObjectType(type);
    List<String> fields = ExportQueryGenerator.select(type).selected();
    for (JsonObject line : typed) {
      assertThat(line).as(line.getString("id")).containsKeys(fields.toArray(String[]::new));
      for (String field : fields) {
        if (GraphQLTypeUtil.isNonNull(object.getFieldDefinition(field).getType())) {
          String what = type + "." + field + " of " + line.getString("id");
          assertThat(line.get(field)).as(what).isNotEqualTo(JsonValue.NULL);
        }
      }
    }
  }

  private static List<JsonObject> ofType(String type) {
    String prefix = "gid://shopify/" + type + "/";
    return lines.stream().filter(l -> l.getString("id").startsWith(prefix)).toList();
  }

  private static JsonObject graphql(String query, JsonObject variables) throws IOException, InterruptedException {
    String body = Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.graphqlUrl(SHOP)))
            .header("Content-Type", "application/json")
            .header("X-Shopify-Access-Token", token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject result = Json.createReader(new StringReader(response.body())).readObject();
    assertThat(result).as(response.body()).doesNotContainKey("errors");
    return result.getJsonObject("data");
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static List<JsonObject> parse(String jsonl) {
    List<JsonObject> out = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      if (!line.isEmpty()) {
        out.add(Json.createReader(new StringReader(line)).readObject());
      }
    }
    return out;
  }
}
