package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopifyClient;
import dev.neanelu.tenant.Shop;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Starts the bulk export. The operation id is stored on the run before anything waits on it, so a restarted job
 * polls the same operation instead of starting another. Shopify's per-shop limit on concurrent bulk operations
 * ({@code LIMIT_REACHED}, {@code OPERATION_IN_PROGRESS}) means "later": the batchlet waits with backoff, it does
 * not fail. Skipped when the job was given a {@code jsonlUrl}.
 */
@Named
@Dependent
public class ExportCatalogBatchlet extends StoppableBatchlet {

  private static final Logger LOG = Logger.getLogger(ExportCatalogBatchlet.class.getName());
  private static final GraphqlDocument RUN_BULK_QUERY = GraphqlDocument.load(ExportCatalogBatchlet.class, "RunBulkQuery");
  private static final GraphqlDocument EXPORT_QUERY =
      GraphqlDocument.load(ExportCatalogBatchlet.class, "CatalogExportQuery");
  // Package-visible: the export query generator (test sources) writes this very literal into the products filter.
  static final String EPOCH_FILTER = "updated_at:>'1970-01-01T00:00:00Z'";
  private static final Set<String> BUSY = Set.of("LIMIT_REACHED", "OPERATION_IN_PROGRESS");
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  @Inject IngestRun ingest;
  @Inject ShopifyClient shopify;

  @Override
  public String process() throws InterruptedException {
    SyncRun run = ingest.run();
    if (run.sourceUrl() != null && run.bulkOperationId() == null) {
      return "SKIPPED";
    }
    if (run.bulkOperationId() != null) {
      return "RESUMED";
    }
    Shop shop = ingest.shop();
    JsonObject variables = Json.createObjectBuilder().add("query", bulkQuery(run)).build();
    Duration backoff = Duration.ofSeconds(2);
    while (!stopping()) {
      JsonObject payload = shopify.execute(shop.domain(), RUN_BULK_QUERY, variables).getJsonObject("bulkOperationRunQuery");
      if (payload.get("bulkOperation") instanceof JsonObject operation) {
        ingest.runs().recordBulkOperation(shop.id(), run.runId(), operation.getString("id"));
        return "EXPORTING";
      }
      Set<String> codes = codes(payload);
      if (!codes.stream().allMatch(BUSY::contains) || codes.isEmpty()) {
        throw ingest.fail(run, "Shopify refused the bulk export: " + payload.get("userErrors"));
      }
      LOG.info(() -> "Bulk operations busy for " + shop.domain() + " " + codes + "; retrying later");
      Thread.sleep(backoff.toMillis());
      backoff = Backoff.doubled(backoff, MAX_BACKOFF);
    }
    return "STOPPED";
  }

  /**
   * The export query with an ownership marker (so our operations can be told from other apps') and, for incremental
   * runs, the last successful sync in place of the epoch in the resource's filter.
   */
  private static String bulkQuery(SyncRun run) {
    String text = EXPORT_QUERY.text();
    if (!run.full() && run.updatedSince() != null) {
      String since = DateTimeFormatter.ISO_INSTANT.format(run.updatedSince());
      text = text.replace(EPOCH_FILTER, "updated_at:>'" + since + "'");
    }
    return "# neanelu:catalog-ingest run=" + run.runId() + "\n" + text;
  }

  private static Set<String> codes(JsonObject payload) {
    return payload.getJsonArray("userErrors").stream()
        .map(JsonValue::asJsonObject)
        .map(e -> e.get("code") instanceof JsonString s ? s.getString() : "")
        .collect(Collectors.toSet());
  }
}
