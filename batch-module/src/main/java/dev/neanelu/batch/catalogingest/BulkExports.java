package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopifyClient;
import dev.neanelu.tenant.ShopDomain;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Starts and polls the bulk exports of a run's parts. Shopify's per-shop limit on concurrent bulk operations
 * ({@code LIMIT_REACHED}, {@code OPERATION_IN_PROGRESS}) means "later": starting waits with backoff, it does not
 * fail. Each query carries an ownership marker comment, so our operations can be told from other apps'.
 */
@Dependent
public class BulkExports {

  private static final Logger LOG = Logger.getLogger(BulkExports.class.getName());
  private static final GraphqlDocument RUN_BULK_QUERY = GraphqlDocument.load(BulkExports.class, "RunBulkQuery");
  private static final GraphqlDocument STATUS = GraphqlDocument.load(BulkExports.class, "BulkOperationStatus");
  private static final GraphqlDocument EXPORT_QUERY = GraphqlDocument.load(BulkExports.class, "CatalogExportQuery");
  /** The filter the generated export query carries; each part replaces it with its own. */
  static final String EPOCH_FILTER = "updated_at:>'1970-01-01T00:00:00Z'";
  private static final Set<String> BUSY = Set.of("LIMIT_REACHED", "OPERATION_IN_PROGRESS");
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  @Inject ShopifyClient shopify;

  /** Starts the part's export; its operation id, or null when stopped while Shopify's slots were busy. */
  String start(ShopDomain shop, SyncRun run, ExportPart part, BooleanSupplier stopping)
      throws InterruptedException {
    JsonObject variables = Json.createObjectBuilder().add("query", bulkQuery(run, part)).build();
    Duration backoff = Duration.ofSeconds(2);
    while (!stopping.getAsBoolean()) {
      JsonObject payload = shopify.execute(shop, RUN_BULK_QUERY, variables).getJsonObject("bulkOperationRunQuery");
      if (payload.get("bulkOperation") instanceof JsonObject operation) {
        return operation.getString("id");
      }
      Set<String> codes = codes(payload);
      if (codes.isEmpty() || !BUSY.containsAll(codes)) {
        throw new IllegalStateException("Shopify refused the bulk export: " + payload.get("userErrors"));
      }
      LOG.info(() -> "Bulk operations busy for " + shop + " " + codes + "; retrying later");
      Thread.sleep(backoff.toMillis());
      backoff = Backoff.doubled(backoff, MAX_BACKOFF);
    }
    return null;
  }

  /** The operation's current state, or null when Shopify no longer knows it. */
  JsonObject poll(ShopDomain shop, String operationId) {
    JsonObject variables = Json.createObjectBuilder().add("id", operationId).build();
    JsonValue operation = shopify.execute(shop, STATUS, variables).get("bulkOperation");
    return operation instanceof JsonObject found ? found : null;
  }

  /** The export query with the ownership marker and the part's filter in place of the epoch filter. */
  static String bulkQuery(SyncRun run, ExportPart part) {
    String filter = part.searchFilter();
    String text = filter.isEmpty() ? EXPORT_QUERY.text() : EXPORT_QUERY.text().replace(EPOCH_FILTER, filter);
    return "# neanelu:catalog-ingest run=" + run.runId() + " part=" + part.part() + "\n" + text;
  }

  static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : null;
  }

  /** UnsignedInt64 values arrive as strings. */
  static Long count(JsonObject o, String name) {
    String value = text(o, name);
    return value == null ? null : Long.valueOf(value);
  }

  private static Set<String> codes(JsonObject payload) {
    return payload.getJsonArray("userErrors").stream()
        .map(JsonValue::asJsonObject)
        .map(e -> e.get("code") instanceof JsonString s ? s.getString() : "")
        .collect(Collectors.toSet());
  }
}
