package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the run's staging rows into products, variants, metafields and media with set-based SQL
 * ({@code merge.sql}), and in full mode marks products absent from the export deleted ({@code mark-deleted.sql}).
 * One transaction under the shop's tenant context: readers never see half a merge. Runs only after the export was
 * checked complete, so a truncated file can never delete products.
 */
@Named
@Dependent
public class MergeCatalogBatchlet extends AbstractBatchlet {

  private static final SqlScript MERGE = SqlScript.load("merge.sql");
  private static final SqlScript MARK_DELETED = SqlScript.load("mark-deleted.sql");

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;

  @Override
  public String process() {
    SyncRun run = ingest.run();
    Map<String, Object> parameters = Map.of("shop_id", run.shopId().value(), "run_id", run.runId());
    Map<String, Integer> counts =
        tenants.call(
            run.shopId(),
            c -> {
              Map<String, Integer> all = new LinkedHashMap<>(MERGE.run(c, parameters));
              if (run.full()) {
                all.putAll(MARK_DELETED.run(c, parameters));
              }
              return all;
            });
    JsonObjectBuilder json = Json.createObjectBuilder();
    counts.forEach(json::add);
    ingest.runs().recordCounts(run.shopId(), run.runId(), json.build().toString());
    return "MERGED";
  }
}
