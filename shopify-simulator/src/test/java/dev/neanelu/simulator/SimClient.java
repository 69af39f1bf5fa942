package dev.neanelu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test-side HTTP client for the simulator: GraphQL calls with a token, control calls, raw GETs.
 */
public final class SimClient {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ShopifySimulator sim;

  public SimClient(ShopifySimulator sim) {
    this.sim = sim;
  }

  public HttpClient http() {
    return http;
  }

  /** POSTs a GraphQL document for the shop; returns the parsed body (asserts HTTP 200). */
  public JsonNode graphql(String shop, String token, String query, Map<String, Object> variables) {
    HttpResponse<String> r = graphqlRaw(shop, token, query, variables);
    if (r.statusCode() != 200) {
      throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }
    return tree(r.body());
  }

  public JsonNode graphql(String shop, String token, String query) {
    return graphql(shop, token, query, Map.of());
  }

  public HttpResponse<String> graphqlRaw(
      String shop, String token, String query, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.graphqlUrl(shop)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    if (token != null) {
      b.header("X-Shopify-Access-Token", token);
    }
    return send(b.build());
  }

  public HttpResponse<String> post(String path, Object jsonBody) {
    return send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(jsonBody)))
            .build());
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  public HttpResponse<String> get(String url) {
    return send(
        HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : sim.baseUrl() + url))
            .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
