package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopifyClient;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.token.AppCredentials;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Re-reads a deterministic sample of the run's products through GraphQL and compares them with what was stored
 * (title, handle, status); products changed in Shopify since the export ({@code updatedAt} moved on) are not
 * mismatches, and any other difference fails the run. Then re-reads every metafield of the sample and its variants
 * outside bulk, page by page ({@link MetafieldAudit}), compares the ids with the stored ones, and reports the
 * namespaces of other apps that this app's token cannot read. The report is kept on the run. Runs on exports this
 * job made; a re-import of a given file is not compared with today's shop.
 */
@Named
@Dependent
public class VerifySampleBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(VerifySampleBatchlet.class.getName());
  private static final GraphqlDocument SAMPLE = GraphqlDocument.load(VerifySampleBatchlet.class, "SampleProducts");
  private static final SqlScript QUERIES = SqlScript.load("sample.sql");

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;
  @Inject ShopifyClient shopify;
  @Inject AppCredentials app;

  @Override
  public String process() {
    SyncRun run = ingest.run();
    Map<String, Object> parameters = Map.of("shop_id", run.shopId().value(), "run_id", run.runId());
    List<List<String>> stored = tenants.call(run.shopId(), c -> QUERIES.rows(c, "sample", parameters));
    if (run.bulkOperationId() == null || stored.isEmpty()) {
      return "NOT_COMPARED";
    }
    List<String> mismatches = compare(stored);
    MetafieldAuditResult metafields = auditMetafields(run, stored);
    JsonObject report =
        Json.createObjectBuilder()
            .add("sampled", stored.size())
            .add("mismatches", Json.createArrayBuilder(mismatches))
            .add("metafields", metafields.toJson())
            .build();
    ingest.runs().recordVerification(run.shopId(), run.runId(), report.toString());
    if (!mismatches.isEmpty()) {
      throw ingest.fail(run, "Verification failed: stored products differ from Shopify: " + mismatches);
    }
    if (metafields.mismatches().map(list -> !list.isEmpty()).orElse(false)) {
      // Not a failure: a metafield edited since the export changes the set without moving the product's updatedAt.
      LOG.warning(() -> "Metafields of the verify sample differ from Shopify for run " + run.runId() + ": "
          + report.get("metafields"));
    }
    return "VERIFIED";
  }

  private List<String> compare(List<List<String>> stored) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    stored.forEach(row -> ids.add("gid://shopify/Product/" + row.get(0)));
    JsonObject data =
        shopify.execute(ingest.shop().domain(), SAMPLE, Json.createObjectBuilder().add("ids", ids).build());
    Map<String, JsonObject> live = new HashMap<>();
    for (JsonValue node : data.getJsonArray("nodes")) {
      if (node instanceof JsonObject product) {
        live.put(product.getString("id"), product);
      }
    }
    List<String> mismatches = new ArrayList<>();
    for (List<String> row : stored) {
      String gid = "gid://shopify/Product/" + row.get(0);
      JsonObject now = live.get(gid);
      if (now == null) {
        continue; // deleted in Shopify since the export: the next sync marks it
      }
      boolean unchanged = Objects.equals(now.getString("updatedAt", null), row.get(4));
      boolean same =
          Objects.equals(now.getString("title", null), row.get(1))
              && Objects.equals(now.getString("handle", null), row.get(2))
              && Objects.equals(now.getString("status", null), row.get(3));
      if (unchanged && !same) {
        mismatches.add(gid);
      }
    }
    return mismatches;
  }

  private MetafieldAuditResult auditMetafields(SyncRun run, List<List<String>> sample) {
    List<String> gids = sample.stream().map(row -> "gid://shopify/Product/" + row.get(0)).toList();
    Long[] ids = sample.stream().map(row -> Long.valueOf(row.get(0))).toArray(Long[]::new);
    Map<String, Set<Long>> stored = tenants.call(run.shopId(), c -> storedMetafields(c, run, ids));
    var domain = ingest.shop().domain();
    return new MetafieldAudit((document, variables) -> shopify.execute(domain, document, variables), app.clientId())
        .audit(gids)
        .comparedWith(stored);
  }

  private static Map<String, Set<Long>> storedMetafields(Connection c, SyncRun run, Long[] productIds)
      throws SQLException {
    Array array = c.createArrayOf("bigint", productIds);
    Map<String, Set<Long>> stored = new HashMap<>();
    for (List<String> row : QUERIES.rows(c, "stored_metafields",
        Map.of("shop_id", run.shopId().value(), "product_ids", array))) {
      stored.computeIfAbsent(row.get(0), owner -> new HashSet<>()).add(Long.valueOf(row.get(1)));
    }
    return stored;
  }
}
