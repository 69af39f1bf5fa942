package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint and restart through Liberty's batch REST API, as an operator would do it. A 1,500-product export is
 * served slowly (with HTTP Range support); the job is started with the README's JSON body, stopped through the REST
 * API while it loads, then restarted through it with the same parameters.
 *
 * <p>The job reads the file in two byte ranges at once (a small {@code load.range.bytes}), each with checkpoints of
 * its own.
 *
 * <ul>
 *   <li>the second range asks for the file from its middle;
 *   <li>the restart asks the server for the rest of a range from a checkpoint's byte offset (Range), not from a
 *       range's start;
 *   <li>the run then succeeds and the catalog equals the simulator's snapshot exactly (no lost or doubled rows).
 * </ul>
 */
class CatalogIngestRestartIT {

  private static final List<String> ranges = new CopyOnWriteArrayList<>();
  private static HttpServer server;
  private static byte[] export;
  private static String source;

  @BeforeAll
  static void serveAnExportSlowly() throws Exception {
    source = Simulator.shopRegisteredWithApp("restart-source", "plus");
    Simulator.get().control().generateCatalog(source, 1_500, 17);
    JsonObject run = CatalogIngestIT.syncAndWait(source, "{\"mode\":\"full\"}");
    assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
    String url = Simulator.get().control().bulkOperations(source).get(0).url();
    export = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
        .body();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/export.jsonl", CatalogIngestRestartIT::slowly);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aStoppedLoadResumesFromItsCheckpointWhenRestarted() throws Exception {
    String target = Simulator.shopRegisteredWithApp("restart", "plus");
    String parameters = "{\"shop\":\"" + target + "\",\"mode\":\"full\",\"chunk.size\":\"200\",\"load.range.bytes\":\"1048576\","
        + "\"jsonlUrl\":\"http://127.0.0.1:"
        + server.getAddress().getPort() + "/export.jsonl\"}";
    JsonObject started = BatchRestApi.startJob(
        "{\"applicationName\":\"neanelu\",\"moduleName\":\"web-module.war\",\"jobXMLName\":\"CatalogIngestJob\","
            + "\"jobParameters\":" + parameters + "}");
    long instance = started.getJsonNumber("instanceId").longValue();
    long execution = latestExecution(instance);

    awaitLoadedLines(target);
    BatchRestApi.stopExecution(execution);
    awaitStatus(execution, "STOPPED");
    String secondRange = "bytes=" + (export.length / 2 - 1) + "-";
    assertThat(ranges).as("the second range starts in the middle of the file").contains(secondRange);

    ranges.clear();
    BatchRestApi.restartInstance(instance, parameters);
    JsonObject run = awaitRun(target, instance);
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(ranges).as("the restart resumed a range from a checkpoint's byte offset")
        .anyMatch(r -> r.matches("bytes=[1-9][0-9]*-") && !r.equals(secondRange));
    CatalogIngestIT.assertCatalogEqualsSnapshot(target, source);
  }

  /** Serves the export in 16 KiB pieces, 10 ms apart, honouring {@code Range: bytes=N-} and {@code bytes=N-M}. */
  private static void slowly(HttpExchange exchange) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    int from = 0;
    int to = export.length - 1;
    if (range != null) {
      ranges.add(range);
      from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
      String end = range.substring(range.indexOf('-') + 1);
      to = end.isEmpty() ? to : Math.min(to, Integer.parseInt(end));
      exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + export.length);
    }
    exchange.sendResponseHeaders(range == null ? 200 : 206, to - from + 1);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int at = from; at <= to; at += 16 * 1024) {
        out.write(export, at, Math.min(16 * 1024, to + 1 - at));
        out.flush();
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the job was stopped and closed the connection: expected
    }
  }

  private static long latestExecution(long instance) throws Exception {
    try (Connection c = superuser();
        PreparedStatement ps = c.prepareStatement(
            "SELECT max(jobexecid) FROM jbatch.jobexecution WHERE fk_jobinstanceid = ?")) {
      ps.setLong(1, instance);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void awaitLoadedLines(String target) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = superuser();
          PreparedStatement ps = c.prepareStatement(
              "SELECT coalesce(max(r.lines_loaded), 0) FROM sync_runs r JOIN shops h ON h.id = r.shop_id"
                  + " WHERE h.shop_domain = ?")) {
        ps.setString(1, target);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("The load never committed a chunk");
  }

  private static void awaitStatus(long execution, String status) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (status.equals(BatchRestApi.execution(execution).getString("batchStatus"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Execution " + execution + " never reached " + status);
  }

  private static JsonObject awaitRun(String target, long instance) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (CatalogIngestIT.summary(target).get("lastSync") instanceof JsonObject run
          && run.getJsonNumber("jobInstanceId").longValue() == instance
          && !run.getString("status").equals("RUNNING")
          && !run.getString("outcome", "").contains("STOPP")) {
        return run;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The restarted run did not finish");
  }

  private static Connection superuser() throws Exception {
    return DriverManager.getConnection(System.getProperty("it.postgres.url"), "postgres", "");
  }
}
