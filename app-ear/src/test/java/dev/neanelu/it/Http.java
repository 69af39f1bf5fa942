package dev.neanelu.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the integration tests: the server under test, its admin credentials, JSON bodies. */
final class Http {

  static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
  private static final String ADMIN =
      System.getProperty("it.admin.user", "admin") + ":" + System.getProperty("it.admin.password", "admin");
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  static HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  static HttpResponse<String> getAsAdmin(String path) {
    return send(request(path).header("Authorization", basic(ADMIN)).GET().build());
  }

  static HttpResponse<String> postJsonAsAdmin(String path, String json) {
    return send(
        request(path)
            .header("Authorization", basic(ADMIN))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static HttpResponse<String> postJson(String path, String json, String authorization) {
    HttpRequest.Builder builder =
        request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return send(builder.build());
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  static String basic(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
