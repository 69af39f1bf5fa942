package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.BulkOperationSignals;
import dev.neanelu.catalog.SyncRun;
import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopifyClient;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;

/**
 * Polls the run's bulk operation until it ends, with backoff from half a second up to {@link #MAX_POLL} (Shopify
 * advises polling in proportion to the expected run time); a {@code bulk_operations/finish} webhook received by this
 * instance ends a wait early ({@link BulkOperationSignals}). A completed export's URL and counts go on the run for
 * the load and verify steps. A failed, cancelled or expired one fails the run with Shopify's error code.
 */
@Named
@Dependent
public class AwaitExportBatchlet extends StoppableBatchlet {

  private static final GraphqlDocument STATUS = GraphqlDocument.load(AwaitExportBatchlet.class, "BulkOperationStatus");
  private static final Duration MAX_POLL = Duration.ofSeconds(30);

  @Inject IngestRun ingest;
  @Inject ShopifyClient shopify;
  @Inject BulkOperationSignals signals;

  @Override
  public String process() throws InterruptedException {
    SyncRun run = ingest.run();
    if (run.bulkOperationId() == null) {
      return "SKIPPED";
    }
    Duration poll = Duration.ofMillis(500);
    while (!stopping()) {
      JsonObject operation = poll(run);
      String status = operation.getString("status");
      switch (status) {
        case "COMPLETED" -> {
          signals.forget(run.bulkOperationId());
          ingest.runs().recordExport(run.shopId(), run.runId(), status, text(operation, "url"),
              count(operation, "objectCount"), count(operation, "rootObjectCount"));
          return status;
        }
        case "FAILED", "CANCELED", "EXPIRED" -> {
          signals.forget(run.bulkOperationId());
          ingest.runs().recordExport(run.shopId(), run.runId(), status, null,
              count(operation, "objectCount"), count(operation, "rootObjectCount"));
          throw ingest.fail(run, "Bulk export " + run.bulkOperationId() + " ended " + status
              + (text(operation, "errorCode") == null ? "" : " (" + text(operation, "errorCode") + ")"));
        }
        default -> {
          if (signals.awaitFinish(run.bulkOperationId(), poll)) {
            signals.forget(run.bulkOperationId()); // released once: poll now, then wait normally again
          }
          poll = Backoff.doubled(poll, MAX_POLL);
        }
      }
    }
    return "STOPPED";
  }

  private JsonObject poll(SyncRun run) {
    JsonObject variables = Json.createObjectBuilder().add("id", run.bulkOperationId()).build();
    JsonValue operation = shopify.execute(ingest.shop().domain(), STATUS, variables).get("bulkOperation");
    if (!(operation instanceof JsonObject found)) {
      throw ingest.fail(run, "Shopify no longer knows bulk operation " + run.bulkOperationId());
    }
    return found;
  }

  private static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : null;
  }

  /** UnsignedInt64 values arrive as strings. */
  private static Long count(JsonObject o, String name) {
    String value = text(o, name);
    return value == null ? null : Long.valueOf(value);
  }
}
