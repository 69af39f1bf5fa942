package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The install lifecycle drives catalog syncs: a merchant's OAuth install queues a first full sync through fair
 * dispatch, which runs the ingest job as the application's run-as identity; the catalog arrives without any
 * operator action.
 */
class FirstSyncOnInstallIT {

  @Test
  void anInstallQueuesAFirstFullSyncThatCompletes() throws InterruptedException {
    String shop = InstallFlow.newShop("firstsync");
    Simulator.get().control().generateCatalog(shop, 200, 5);
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);

    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    JsonObject run = null;
    while (Instant.now().isBefore(deadline)) {
      JsonValue last = CatalogIngestIT.summary(shop).get("lastSync");
      if (last instanceof JsonObject found && !found.getString("status").equals("RUNNING")) {
        run = found;
        break;
      }
      Thread.sleep(250);
    }
    assertThat(run).as("a sync run after the install").isNotNull();
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(CatalogIngestIT.summary(shop).getInt("products")).isEqualTo(200);
  }
}
