package dev.neanelu.simulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staged uploads and bulk mutations.
 *
 * <ul>
 *   <li>stagedUploadsCreate returns the documented parameters; the policy encodes the size cap;
 *   <li>upload with {@code file} last: 201; {@code file} not last: rejected; over the cap:
 *       EntityTooLarge;
 *   <li>bulkOperationRunMutation with productSet: one result line per input line with 0-based
 *       {@code __lineNumber}, products created; a bad line gets its own errors, the job still
 *       COMPLETES;
 *   <li>unknown staged path: NO_SUCH_FILE; a bulk mutation of bulkOperationRunQuery:
 *       INVALID_MUTATION.
 * </ul>
 */
class BulkMutationTest {

  private static final String PRODUCT_SET =
      "mutation call($input: ProductSetInput!) { productSet(input: $input) { product { id title }"
          + " userErrors { field message } } }";

  private static ShopifySimulator sim;
  private static BulkSupport bulk;
  private static String token;

  @BeforeAll
  static void start() {
    sim = ShopifySimulator.start(SimulatorOptions.defaults().stagedUploadMaxBytes(64 * 1024));
    token = sim.control().createShop(ShopSpec.named("importer")).accessToken();
    bulk = new BulkSupport(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private JsonNode stagedTarget() {
    JsonNode body =
        bulk.client()
            .graphql(
                "importer",
                token,
                "mutation { stagedUploadsCreate(input: [{resource: BULK_MUTATION_VARIABLES,"
                    + " filename: \"bulk_op_vars\", mimeType: \"text/jsonl\", httpMethod: POST}]) {"
                    + " stagedTargets { url resourceUrl parameters { name value } } userErrors {"
                    + " field message } } }");
    return body.at("/data/stagedUploadsCreate/stagedTargets/0");
  }

  private static Map<String, String> params(JsonNode target) {
    Map<String, String> out = new LinkedHashMap<>();
    target.get("parameters").forEach(p -> out.put(p.get("name").asText(), p.get("value").asText()));
    return out;
  }

  private HttpResponse<String> upload(JsonNode target, String file, boolean fileLast) {
    String boundary = "----sim" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<Map.Entry<String, String>> fields = new ArrayList<>(params(target).entrySet());
    if (!fileLast) {
      part(body, boundary, fields.get(0).getKey(), fields.get(0).getValue(), false);
      part(body, boundary, "file", file, true);
      fields
          .subList(1, fields.size())
          .forEach(f -> part(body, boundary, f.getKey(), f.getValue(), false));
    } else {
      fields.forEach(f -> part(body, boundary, f.getKey(), f.getValue(), false));
      part(body, boundary, "file", file, true);
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return bulk.client()
        .send(
            HttpRequest.newBuilder(URI.create(target.get("url").asText()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
  }

  private static void part(
      ByteArrayOutputStream out, String boundary, String name, String value, boolean file) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (file ? "; filename=\"bulk_op_vars.jsonl\"\r\nContent-Type: text/jsonl" : "")
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void stagedTargetCarriesTheDocumentedParameters() {
    JsonNode target = stagedTarget();
    Map<String, String> params = params(target);
    assertThat(params.keySet())
        .containsExactly(
            "key",
            "Content-Type",
            "success_action_status",
            "acl",
            "policy",
            "x-goog-credential",
            "x-goog-algorithm",
            "x-goog-date",
            "x-goog-signature");
    assertThat(params.get("key")).matches("tmp/\\d+/bulk/[0-9a-f-]+/bulk_op_vars");
    assertThat(target.get("resourceUrl").isNull()).isTrue();
    String policy =
        new String(Base64.getDecoder().decode(params.get("policy")), StandardCharsets.UTF_8);
    assertThat(policy).contains("[\"content-length-range\",1," + 64 * 1024 + "]");
  }

  @Test
  void bulkProductSetGivesOneResultPerLineWithLineNumbers() {
    StringBuilder file = new StringBuilder();
    int lines = 40;
    for (int i = 0; i < lines; i++) {
      file.append(
              i == 17
                  ? "{not json"
                  : "{\"input\":{\"title\":\"Imported " + i + "\",\"vendor\":\"Bulk\"}}")
          .append('\n');
    }
    JsonNode target = stagedTarget();
    assertThat(upload(target, file.toString(), true).statusCode()).isEqualTo(201);

    JsonNode run =
        bulk.client()
            .graphql(
                "importer",
                token,
                "mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m,"
                    + " stagedUploadPath: $p) { bulkOperation { id status type } userErrors { field"
                    + " message code } } }",
                Map.of("m", PRODUCT_SET, "p", params(target).get("key")))
            .at("/data/bulkOperationRunMutation");
    assertThat(run.get("userErrors")).isEmpty();
    String id = run.at("/bulkOperation/id").asText();
    sim.control().awaitBulkOperation("importer", id, java.time.Duration.ofSeconds(30));
    JsonNode op = bulk.poll("importer", token, id);
    assertThat(op.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(op.get("type").asText()).isEqualTo("MUTATION");
    assertThat(op.get("objectCount").asText()).isEqualTo(String.valueOf(lines));

    List<JsonNode> results = BulkSupport.lines(bulk.download(op.get("url").asText()));
    assertThat(results)
        .extracting(r -> r.get("__lineNumber").asInt())
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, lines).boxed().toList());
    assertThat(results.get(0).get("__lineNumber").asInt()).isNotZero();
    for (JsonNode r : results) {
      int n = r.get("__lineNumber").asInt();
      if (n == 17) {
        assertThat(r.at("/errors/0/message").asText()).startsWith("Invalid JSON");
      } else {
        assertThat(r.at("/data/productSet/product/title").asText()).isEqualTo("Imported " + n);
        assertThat(r.at("/data/productSet/userErrors")).isEmpty();
      }
    }
    assertThat(sim.control().products("importer")).hasSize(lines - 1);
  }

  @Test
  void fileThatIsNotLastIsRejected() {
    HttpResponse<String> response = upload(stagedTarget(), "{\"input\":{}}\n", false);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidArgument</Code>").contains("last");
  }

  @Test
  void fileAboveTheCapIsRejected() {
    String big = "x".repeat(64 * 1024 + 1);
    HttpResponse<String> response = upload(stagedTarget(), big, true);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("EntityTooLarge");
  }

  @Test
  void unknownStagedPathAndForbiddenMutationsAreUserErrors() {
    String run =
        "mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m,"
            + " stagedUploadPath: $p) { bulkOperation { id } userErrors { field message code } } }";
    JsonNode missing =
        bulk.client()
            .graphql(
                "importer",
                token,
                run,
                Map.of("m", PRODUCT_SET, "p", "tmp/1/bulk/none/bulk_op_vars"))
            .at("/data/bulkOperationRunMutation");
    assertThat(missing.at("/userErrors/0/code").asText()).isEqualTo("NO_SUCH_FILE");
    JsonNode nested =
        bulk.client()
            .graphql(
                "importer",
                token,
                run,
                Map.of(
                    "m",
                    "mutation { bulkOperationRunQuery(query: \"{ shop { name } }\") { userErrors {"
                        + " message } } }",
                    "p",
                    "whatever"))
            .at("/data/bulkOperationRunMutation");
    assertThat(nested.at("/userErrors/0/code").asText()).isEqualTo("INVALID_MUTATION");
  }
}
