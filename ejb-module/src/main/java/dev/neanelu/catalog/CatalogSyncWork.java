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
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

/**
 * A catalog sync as fair-dispatch work ({@code catalog-sync}): starts the ingest job and waits for it to end, so the
 * shop's concurrency slot covers the whole job and one shop's imports cannot take every batch thread. A failed job
 * fails the attempt; the next attempt (after backoff) restarts the same job instance from its checkpoints, and after
 * the last one the item is a dead letter (ops API) and the run's outcome says it was given up.
 */
@ApplicationScoped
public class CatalogSyncWork implements WorkHandler {

  public static final String KIND = "catalog-sync";
  private static final long POLL_MILLIS = 2000;
  private static final Duration UNCLAIMED_LIMIT = Duration.ofMinutes(2);

  @Inject CatalogSyncService sync;
  @Inject SyncResumer resumer;
  @Inject SyncClaims claims;
  @Inject SyncRequests requests;

  /** The payload of a sync item. */
  public static String payload(ShopDomain shop, String mode) {
    return payload(shop, mode, null);
  }

  /** The payload of a sync item that ingests {@code jsonlUrl} (null: export). */
  public static String payload(ShopDomain shop, String mode, String jsonlUrl) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("shop", shop.value()).add("mode", mode);
    if (jsonlUrl != null) {
      json.add("jsonlUrl", jsonlUrl);
    }
    return json.build().toString();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void handle(WorkItem item, TenantScope tenant) throws InterruptedException {
    var earlier = requests.find(item.tenant(), item.id()).filter(r -> r.jobInstanceId() != null);
    long execution;
    if (earlier.isEmpty()) {
      JsonObject payload = Json.createReader(new StringReader(item.payload())).readObject();
      execution = sync.start(ShopDomain.parse(payload.getString("shop")), payload.getString("mode", "full"),
          payload.getString("jsonlUrl", null), item.id()).jobExecutionId();
    } else if (earlier.get().runStatus() != null && earlier.get().runStatus().startsWith("SUCCEEDED")) {
      return;
    } else {
      execution = resumer.restartOrFollow(item.tenant(), earlier.get().jobExecutionId());
    }
    BatchStatus status = awaitEnd(item, execution);
    if (status != BatchStatus.COMPLETED) {
      String reason = "Catalog sync job execution " + execution + " ended " + status + " (attempt " + item.attempt()
          + " of " + item.maxAttempts() + "); see its job log";
      if (item.isLastAttempt()) {
        requests.find(item.tenant(), item.id()).map(SyncRequests.Requested::jobInstanceId).ifPresent(instance ->
            requests.giveUp(item.tenant(), instance, "Given up after " + item.maxAttempts() + " attempts: " + reason));
      }
      throw new IllegalStateException(reason);
    }
  }

  /** Waits for the execution to end; an execution no live JVM runs (its claim is gone) counts as ended FAILED. */
  private BatchStatus awaitEnd(WorkItem item, long execution) throws InterruptedException {
    Instant unclaimedSince = null;
    BatchStatus status = sync.status(execution);
    while (!CatalogSyncService.ended(status)) {
      Thread.sleep(POLL_MILLIS);
      status = sync.status(execution);
      boolean live = claims.liveHolder(item.tenant()).filter(h -> h.jobExecutionId() == execution).isPresent();
      unclaimedSince = live ? null : unclaimedSince == null ? Instant.now() : unclaimedSince;
      if (unclaimedSince != null && Instant.now().isAfter(unclaimedSince.plus(UNCLAIMED_LIMIT))) {
        return BatchStatus.FAILED; // STARTED in the repository, but no live JVM holds its claim
      }
    }
    return status;
  }
}
