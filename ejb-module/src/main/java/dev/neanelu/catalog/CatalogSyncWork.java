package dev.neanelu.catalog;

import dev.neanelu.fairness.TenantScope;
import dev.neanelu.fairness.WorkHandler;
import dev.neanelu.fairness.WorkItem;
import dev.neanelu.tenant.ShopDomain;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * A catalog sync as fair-dispatch work ({@code catalog-sync}): starts the ingest job and waits for it to end, so the
 * shop's concurrency slot covers the whole job and one shop's imports cannot take every batch thread. A failed job
 * fails the attempt (retried with backoff, then a dead letter visible in the ops API).
 */
@ApplicationScoped
public class CatalogSyncWork implements WorkHandler {

  public static final String KIND = "catalog-sync";
  private static final long POLL_MILLIS = 2000;

  @Inject CatalogSyncService sync;

  /** The payload of a sync item. */
  public static String payload(ShopDomain shop, String mode) {
    return Json.createObjectBuilder().add("shop", shop.value()).add("mode", mode).build().toString();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void handle(WorkItem item, TenantScope tenant) throws InterruptedException {
    JsonObject payload = Json.createReader(new StringReader(item.payload())).readObject();
    CatalogSyncService.Started started =
        sync.start(ShopDomain.parse(payload.getString("shop")), payload.getString("mode", "full"), null);
    BatchStatus status = sync.status(started.jobExecutionId());
    while (!CatalogSyncService.ended(status)) {
      Thread.sleep(POLL_MILLIS);
      status = sync.status(started.jobExecutionId());
    }
    if (status != BatchStatus.COMPLETED) {
      throw new IllegalStateException(
          "Catalog sync job instance " + started.jobInstanceId() + " ended " + status + "; see its job log");
    }
  }
}
