package dev.neanelu.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Liberty's batch REST API (HTTPS only) as an operator uses it, with the admin credentials. The test server's
 * certificate is self-signed, generated at its first start, so this test client trusts any certificate.
 */
final class BatchRestApi {

  private static final String BASE = System.getProperty("it.https.url", "https://localhost:9543") + "/ibm/api/batch";
  private static final String ADMIN =
      System.getProperty("it.admin.user", "admin") + ":" + System.getProperty("it.admin.password", "admin");
  private static final HttpClient CLIENT = client();

  private BatchRestApi() {}

  /** Starts a job exactly as the README's "Batch jobs" section shows. */
  static JsonObject startJob(String body) {
    return send("POST", "/jobinstances", body);
  }

  static JsonObject stopExecution(long executionId) {
    return send("PUT", "/jobexecutions/" + executionId + "?action=stop", "");
  }

  static JsonObject restartInstance(long instanceId, String jobParametersJson) {
    return send("PUT", "/jobinstances/" + instanceId + "?action=restart", "{\"jobParameters\":" + jobParametersJson + "}");
  }

  static JsonObject execution(long executionId) {
    return send("GET", "/jobexecutions/" + executionId, null);
  }

  private static JsonObject send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", Http.basic(ADMIN))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new AssertionError("Batch REST API " + method + " " + path + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return jakarta.json.Json.createReader(new StringReader(response.body())).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpClient client() {
    // The self-signed certificate names the machine, not "localhost"; test JVM only.
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    return HttpClient.newBuilder().sslContext(trustAll()).build();
  }

  private static SSLContext trustAll() {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
