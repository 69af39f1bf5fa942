package dev.neanelu.devstack;

import dev.neanelu.db.local.LocalDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts what the Run command needs before Liberty: with no {@code POSTGRES_URL}, the embedded PostgreSQL and the
 * demo (the simulator process on {@code 127.0.0.1:8089} with {@code demo.myshopify.com} and a generated catalog,
 * registered with the application and fully synced as soon as {@code /health/ready} answers; both stop with Maven). With {@code POSTGRES_URL} set it
 * starts nothing: that is somebody's real database.
 */
public final class DevStack {

  private static final Logger LOG = Logger.getLogger(DevStack.class.getName());
  private static final String SHOP = "demo.myshopify.com";
  private static final String TOKEN = "shpat_demo_local_only";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private DevStack() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    LocalDatabase.main(new String[] {"embedded"});
    if (env.containsKey("POSTGRES_URL")) {
      return;
    }
    int products = Integer.parseInt(env.getOrDefault("NEANELU_DEMO_PRODUCTS", "3000"));
    Process simulator = startSimulator(env, products);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::destroy, "demo-simulator-stop"));
    String app = "http://localhost:" + env.getOrDefault("HTTP_PORT", "9080");
    Thread demo = new Thread(() -> registerAndSync(app, products), "demo-first-sync");
    demo.setDaemon(true);
    demo.start();
    LOG.info(() -> "Demo: simulator (pid " + simulator.pid() + ") serves " + SHOP + " with " + products + " products");
  }

  /**
   * The simulator runs as its own process (the shaded jar the build made): exec:java closes its class loader when
   * main returns, so code it loaded cannot keep serving requests in this JVM while Liberty runs.
   */
  private static Process startSimulator(Map<String, String> env, int products) throws IOException, InterruptedException {
    Path jar =
        Paths.get(System.getProperty("neanelu.simulator.jar", "shopify-simulator/target/shopify-simulator.jar"))
            .toAbsolutePath()
            .normalize();
    String port = env.getOrDefault("NEANELU_DEMO_SIMULATOR_PORT", "8089");
    Process simulator =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
                "--port", port, "--plan", "PLUS", "--seed", "2026", "--access-token", TOKEN,
                "--generate", SHOP + "=" + products)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline) && simulator.isAlive()) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_sim/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return simulator;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    simulator.destroy();
    throw new IllegalStateException("The demo simulator did not start on port " + port + " (" + jar + ")");
  }

  private static void registerAndSync(String app, int products) {
    try {
      awaitReady(app);
      retryWhileDeploying(app + "/api/ops/shops", "{\"shop\":\"" + SHOP + "\",\"accessToken\":\"" + TOKEN + "\",\"plan\":\"plus\"}");
      String started = post(app + "/api/ops/shops/" + SHOP + "/sync", "{\"mode\":\"full\"}");
      LOG.info(() -> "Demo: first full sync of " + SHOP + " started " + started + ". Watch it with: curl -s -u admin:admin "
          + app + "/api/ops/shops/" + SHOP + "/catalog/summary");
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "Demo setup did not complete: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitReady(String app) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<Void> ready =
            HTTP.send(HttpRequest.newBuilder(URI.create(app + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Liberty is not listening yet
      }
      Thread.sleep(2000);
    }
    throw new IllegalStateException("the application did not become ready");
  }

  /** /health/ready can answer before the application is deployed: retry while the path is not there yet. */
  private static void retryWhileDeploying(String url, String json) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        post(url, json);
        return;
      } catch (IOException e) {
        if (attempt == 60 || !e.getMessage().contains("answered 404")) {
          throw e;
        }
        Thread.sleep(2000);
      }
    }
  }

  /** POSTs as the development administrator; a 409 (already registered on an earlier run) is fine. */
  private static String post(String url, String json) throws IOException, InterruptedException {
    String admin = System.getenv().getOrDefault("ADMIN_USER", "admin") + ":" + System.getenv().getOrDefault("ADMIN_PASSWORD", "admin");
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300 && response.statusCode() != 409) {
      throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
