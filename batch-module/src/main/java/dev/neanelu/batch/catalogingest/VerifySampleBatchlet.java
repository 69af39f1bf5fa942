package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopifyClient;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-reads a deterministic sample of the run's products through GraphQL and compares them with what was stored
 * (title, handle, status). Products changed in Shopify since the export ({@code updatedAt} moved on) are not
 * mismatches. Any difference fails the run. Runs on exports this job made; a re-import of a given file is not
 * compared with today's shop.
 */
@Named
@Dependent
public class VerifySampleBatchlet extends AbstractBatchlet {

  private static final GraphqlDocument SAMPLE = GraphqlDocument.load(VerifySampleBatchlet.class, "SampleProducts");
  private static final SqlScript QUERIES = SqlScript.load("sample.sql");

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;
  @Inject ShopifyClient shopify;

  @Override
  public String process() {
    SyncRun run = ingest.run();
    Map<String, Object> parameters = Map.of("shop_id", run.shopId().value(), "run_id", run.runId());
    List<List<String>> stored = tenants.call(run.shopId(), c -> QUERIES.rows(c, "sample", parameters));
    List<String> mismatches = run.bulkOperationId() == null || stored.isEmpty() ? List.of() : compare(stored);
    if (!mismatches.isEmpty()) {
      throw ingest.fail(run, "Verification failed: stored products differ from Shopify: " + mismatches);
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
}
