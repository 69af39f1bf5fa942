package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One catalog sync per shop, cluster-wide.
 *
 * <ul>
 *   <li>two full syncs of one shop asked for at once through the ops API, from two threads: one is queued and runs,
 *       the other gets 409 problem+json; afterwards nothing is marked deleted and the catalog equals the
 *       simulator's snapshot;
 *   <li>while a sync loads, a second one through the ops API gets 409 naming the running job instance and execution,
 *       and one through the batch REST API fails in its first step with that message, creating no run; the running
 *       run completes untouched, exactly.
 * </ul>
 *
 * <p>Not covered here: the same race between two Liberty servers sharing the database (the claim is a PostgreSQL
 * advisory lock, so it does not depend on the JVM, but no second server runs the EAR in the build).
 */
class SyncClaimIT {

  private static String source;
  private static SlowExport export;

  @BeforeAll
  static void exportOnce() throws Exception {
    source = Simulator.shopRegisteredWithApp("claim-source", "plus");
    Simulator.get().control().generateCatalog(source, 1_500, 23);
    assertThat(CatalogIngestIT.syncAndWait(source, "{\"mode\":\"full\"}").getString("status")).isEqualTo("SUCCEEDED");
    export = SlowExport.of(source, 2 * 1024);
  }

  @AfterAll
  static void stop() {
    if (export != null) {
      export.close();
    }
  }

  @Test
  void twoSyncsAskedForAtOnceRunOneAndRefuseTheOther() throws Exception {
    String shop = Simulator.shopRegisteredWithApp("claim-race", "plus");
    Simulator.get().control().generateCatalog(shop, 400, 29);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> calls = Stream.of(1, 2)
        .map(i -> CompletableFuture.supplyAsync(() -> {
          awaitQuietly(go);
          return Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/sync", "{\"mode\":\"full\"}");
        }))
        .toList();
    go.countDown();
    List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
    HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Http.json(refused).getString("detail")).contains("already");
    JsonObject started = Http.json(answers.stream().filter(a -> a.statusCode() == 202).findFirst().orElseThrow());
    long instance = started.getJsonNumber("jobInstanceId").longValue();

    JsonObject run = SyncRuns.awaitFinished(shop, instance, Duration.ofMinutes(3));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(SyncRuns.runs(shop)).as("the refused request started no run").isEqualTo(1);
    assertThat(CatalogIngestIT.summary(shop).getInt("deleted")).isZero();
    CatalogIngestIT.assertCatalogEqualsSnapshot(shop, shop);
  }

  @Test
  void aSecondStartWhileOneLoadsIsRefusedOnBothPathsAndTheRunCompletesExactly() throws Exception {
    String shop = Simulator.shopRegisteredWithApp("claim-busy", "plus");
    HttpResponse<String> first = Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/sync",
        "{\"mode\":\"full\",\"jsonlUrl\":\"" + export.url() + "\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    JsonObject started = Http.json(first);
    long instance = started.getJsonNumber("jobInstanceId").longValue();
    long execution = started.getJsonNumber("jobExecutionId").longValue();
    assertThat(first.headers().firstValue("Location").orElse("")).endsWith(
        "/api/ops/shops/" + shop + "/syncs/" + started.getJsonNumber("workItemId").longValue());
    await().atMost(Duration.ofMinutes(2)).until(() -> SyncRuns.linesLoaded(shop) > 0);

    HttpResponse<String> second = Http.postJsonAsAdmin("/api/ops/shops/" + shop + "/sync", "{\"mode\":\"full\"}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(Http.json(second).getString("detail"))
        .contains("job instance " + instance + ", execution " + execution);

    JsonObject viaRest = BatchRestApi.startJob(
        "{\"applicationName\":\"neanelu\",\"moduleName\":\"web-module.war\",\"jobXMLName\":\"CatalogIngestJob\","
            + "\"jobParameters\":{\"shop\":\"" + shop + "\",\"mode\":\"full\"}}");
    long refusedExecution = SyncRuns.latestExecution(viaRest.getJsonNumber("instanceId").longValue());
    await().atMost(Duration.ofMinutes(1)).until(() -> SyncRuns.batchStatus(refusedExecution).equals("FAILED"));
    assertThat(SyncRuns.runs(shop)).as("the refused job created no run").isEqualTo(1);
    assertThat(SyncRuns.running(shop)).as("the first run is still loading").isEqualTo(1);

    JsonObject run = SyncRuns.awaitFinished(shop, instance, Duration.ofMinutes(3));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(CatalogIngestIT.summary(shop).getInt("deleted")).isZero();
    CatalogIngestIT.assertCatalogEqualsSnapshot(shop, source);

    JsonObject followed = Http.json(Http.getAsAdmin(
        "/api/ops/shops/" + shop + "/syncs/" + started.getJsonNumber("workItemId").longValue()));
    assertThat(followed.getJsonNumber("jobInstanceId").longValue()).isEqualTo(instance);
    assertThat(followed.getString("runStatus")).isEqualTo("SUCCEEDED");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
