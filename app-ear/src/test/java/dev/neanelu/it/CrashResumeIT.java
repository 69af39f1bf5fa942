package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sync resumes by itself after its JVM is killed. A 1,500-product export is served slowly; the job is started
 * through the batch REST API (one byte range, 200-line chunks) and, once it has committed chunks, the IT server's
 * JVM is killed with SIGKILL (no graceful stop) and started again with the wlp {@code server} script.
 *
 * <ul>
 *   <li>the same job instance completes, with no operator action, in a second execution;
 *   <li>the resumed load asks the export from a checkpoint's byte offset (> 0), not from the start;
 *   <li>the catalog equals the simulator's snapshot exactly and no run of the shop is left RUNNING.
 * </ul>
 *
 * <p>The server is running again when the test ends, for later ITs and the build's stop.
 */
class CrashResumeIT {

  private static String source;
  private static SlowExport export;

  @BeforeAll
  static void exportOnce() throws Exception {
    source = Simulator.shopRegisteredWithApp("crash-source", "plus");
    Simulator.get().control().generateCatalog(source, 1_500, 31);
    assertThat(CatalogIngestIT.syncAndWait(source, "{\"mode\":\"full\"}").getString("status")).isEqualTo("SUCCEEDED");
    export = SlowExport.of(source, 2 * 1024);
  }

  @AfterAll
  static void stop() throws Exception {
    if (export != null) {
      export.close();
    }
    if (!LibertyServer.ready()) {
      LibertyServer.start(); // whatever happened, leave a running server behind
    }
  }

  @Test
  void aSyncWhoseJvmWasKilledCompletesByItselfFromACheckpoint() throws Exception {
    String shop = Simulator.shopRegisteredWithApp("crash", "plus");
    JsonObject started = BatchRestApi.startJob(
        "{\"applicationName\":\"neanelu\",\"moduleName\":\"web-module.war\",\"jobXMLName\":\"CatalogIngestJob\","
            + "\"jobParameters\":{\"shop\":\"" + shop + "\",\"mode\":\"full\",\"chunk.size\":\"200\","
            + "\"load.partitions\":\"1\",\"jsonlUrl\":\"" + export.url() + "\"}}");
    long instance = started.getJsonNumber("instanceId").longValue();
    await().atMost(Duration.ofMinutes(2)).until(() -> SyncRuns.linesLoaded(shop) >= 1_000);

    LibertyServer.kill();
    export.ranges.clear();
    LibertyServer.start();

    JsonObject run = SyncRuns.awaitFinished(shop, instance, Duration.ofMinutes(4));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(SyncRuns.executions(instance)).as("the same instance ran again").hasSizeGreaterThanOrEqualTo(2);
    assertThat(export.ranges).as("the resumed load read from a checkpoint's byte offset")
        .anyMatch(r -> r.matches("bytes=[1-9][0-9]*-[0-9]*"));
    assertThat(SyncRuns.running(shop)).isZero();
    assertThat(CatalogIngestIT.summary(shop).getInt("deleted")).isZero();
    CatalogIngestIT.assertCatalogEqualsSnapshot(shop, source);
  }
}
