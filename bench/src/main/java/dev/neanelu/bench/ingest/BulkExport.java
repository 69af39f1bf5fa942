package dev.neanelu.bench.ingest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs one bulk export on the simulator with the app's own export query ({@code bulkOperationRunQuery},
 * {@code groupObjects: false}, as {@code BulkExports} does for the ingest job), waits for it and prints
 * {@code <url> <objectCount> <rootObjectCount>} on one line.
 *
 * <p>Usage: {@code BulkExport <simulator-port> <shop> <access-token> <export-query.graphql>}
 */
public final class BulkExport {

  private static final String RUN =
      "mutation RunBulkQuery($query: String!) { bulkOperationRunQuery(query: $query, groupObjects: false)"
          + " { bulkOperation { id status } userErrors { code field message } } }";
  private static final String STATUS =
      "query BulkOperationStatus($id: ID!) { bulkOperation(id: $id)"
          + " { id status errorCode objectCount rootObjectCount url } }";
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI graphql;
  private final String token;

  private BulkExport(URI graphql, String token) {
    this.graphql = graphql;
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    URI graphql =
        URI.create("http://127.0.0.1:" + args[0] + "/shops/" + args[1] + "/admin/api/2026-04/graphql.json");
    String query = Files.readString(Path.of(args[3]));
    JsonObject done = new BulkExport(graphql, args[2]).export(query);
    System.out.println(
        done.getString("url") + " " + done.getString("objectCount") + " " + done.getString("rootObjectCount"));
  }

  private JsonObject export(String query) throws IOException, InterruptedException {
    JsonObject run =
        call(RUN, Json.createObjectBuilder().add("query", query).build())
            .getJsonObject("bulkOperationRunQuery");
    if (!run.getJsonArray("userErrors").isEmpty()) {
      throw new IllegalStateException("bulkOperationRunQuery refused: " + run.getJsonArray("userErrors"));
    }
    String id = run.getJsonObject("bulkOperation").getString("id");
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      JsonObject op = call(STATUS, Json.createObjectBuilder().add("id", id).build()).getJsonObject("bulkOperation");
      switch (op.getString("status")) {
        case "COMPLETED" -> {
          return op;
        }
        case "CREATED", "RUNNING" -> Thread.sleep(250);
        default -> throw new IllegalStateException("Bulk operation ended " + op);
      }
    }
    throw new IllegalStateException("Bulk operation " + id + " not done after " + TIMEOUT);
  }

  private JsonObject call(String document, JsonObject variables) throws IOException, InterruptedException {
    String body = Json.createObjectBuilder().add("query", document).add("variables", variables).build().toString();
    HttpRequest request =
        HttpRequest.newBuilder(graphql)
            .header("Content-Type", "application/json")
            .header("X-Shopify-Access-Token", token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
    if (response.statusCode() != 200 || !json.containsKey("data") || json.isNull("data")) {
      throw new IllegalStateException("GraphQL call failed: HTTP " + response.statusCode() + " " + response.body());
    }
    return json.getJsonObject("data");
  }
}
