import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Benchmark client for a standalone simulator on loopback: waits for readiness, runs a full-catalog
 * bulk export, then downloads the result file several times and prints the figures. Started by
 * export-throughput.sh, which owns the simulator process. Run with the simulator jar on the class
 * path (for Jackson): {@code java -cp target/shopify-simulator.jar bench/ExportThroughput.java PORT
 * SHOP TOKEN STARTED_MS}.
 */
public final class ExportThroughput {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String QUERY =
      """
      { products { edges { node {
          id title handle status vendor productType tags descriptionHtml createdAt updatedAt
          variants { edges { node { id title sku price compareAtPrice barcode position inventoryQuantity
            selectedOptions { name value } updatedAt metafields { edges { node { id namespace key type value } } } } } }
          metafields { edges { node { id namespace key type value } } }
          media { edges { node { ... on MediaImage { id alt image { url width height } } } } }
      } } } }
      """;

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:" + args[0];
    String shop = args[1];
    String token = args[2];
    long started = Long.parseLong(args[3]);
    int downloads = args.length > 4 ? Integer.parseInt(args[4]) : 3;

    long ready = awaitReady(base, started + 120_000);
    System.out.printf("ready: %.1f s after launch%n", (ready - started) / 1000.0);

    String graphql = base + "/shops/" + shop + "/admin/api/2026-04/graphql.json";
    long t0 = System.nanoTime();
    JsonNode run =
        graphql(
            graphql,
            token,
            "mutation($q: String!) { bulkOperationRunQuery(query: $q) {"
                + " bulkOperation { id } userErrors { message } } }",
            Map.of("q", QUERY));
    String id = run.at("/data/bulkOperationRunQuery/bulkOperation/id").asText();
    JsonNode op;
    do {
      Thread.sleep(250);
      op =
          graphql(
                  graphql,
                  token,
                  "query($id: ID!) { bulkOperation(id: $id) { status objectCount"
                      + " rootObjectCount fileSize url } }",
                  Map.of("id", id))
              .at("/data/bulkOperation");
    } while (op.get("status").asText().matches("CREATED|RUNNING"));
    double exportSeconds = (System.nanoTime() - t0) / 1e9;
    long objects = op.get("objectCount").asLong();
    long size = op.get("fileSize").asLong();
    System.out.printf(
        "export: %s, %s roots, %d objects, %.1f MB in %.1f s (%.0f objects/s, poll interval 250"
            + " ms)%n",
        op.get("status").asText(),
        op.get("rootObjectCount").asText(),
        objects,
        size / 1e6,
        exportSeconds,
        objects / exportSeconds);

    double best = 0;
    for (int i = 1; i <= downloads; i++) {
      long d0 = System.nanoTime();
      long bytes = drain(op.get("url").asText());
      double seconds = (System.nanoTime() - d0) / 1e9;
      double mbps = bytes / 1e6 / seconds;
      best = Math.max(best, mbps);
      System.out.printf("download %d: %d bytes in %.2f s = %.0f MB/s%n", i, bytes, seconds, mbps);
      if (bytes != size) {
        throw new IllegalStateException("downloaded " + bytes + " bytes, fileSize says " + size);
      }
    }
    System.out.printf("best download: %.0f MB/s (target >= 50 MB/s)%n", best);
  }

  private static long awaitReady(String base, long deadline) throws Exception {
    HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/_sim/health")).build();
    while (System.currentTimeMillis() < deadline) {
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return System.currentTimeMillis();
        }
      } catch (java.io.IOException notYet) {
        // The server is not listening yet.
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("simulator not ready in time");
  }

  private static JsonNode graphql(
      String url, String token, String query, Map<String, Object> variables) throws Exception {
    String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(r.body());
    if (json.has("errors")) {
      throw new IllegalStateException(json.toString());
    }
    return json;
  }

  private static long drain(String url) throws Exception {
    HttpResponse<InputStream> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long total = 0;
    byte[] buf = new byte[1 << 18];
    try (InputStream in = r.body()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
      }
    }
    return total;
  }
}
