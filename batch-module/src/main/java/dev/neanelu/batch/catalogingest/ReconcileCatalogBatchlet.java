package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Takes out what Shopify no longer has, by the run stamps the load left ({@code reconcile.sql}): variants,
 * metafields and media of exported products that the export did not carry are deleted, and in full mode products
 * absent from the export are marked deleted. One transaction under the shop's tenant context. Runs only after the
 * export was checked complete, so a truncated file can never delete anything; and not at all when the run includes
 * a failed export's partial data. What a rejected line names is kept (the run could not read it); when a rejected
 * line's id was unreadable, nothing is pruned or marked deleted. The run records which of these happened
 * ({@code sync_runs.reconcile}, shown by the catalog summary).
 */
@Named
@Dependent
public class ReconcileCatalogBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(ReconcileCatalogBatchlet.class.getName());
  private static final SqlScript RECONCILE = SqlScript.load("reconcile.sql");
  private static final String[] PRUNING = {
    "planner", "memory", "kept", "pruned_variant_metafields", "pruned_product_metafields", "pruned_variants", "pruned_media"
  };

  @Inject IngestRun ingest;
  @Inject ExportParts parts;
  @Inject TenantContext tenants;

  @Override
  public String process() {
    SyncRun run = ingest.run();
    if (parts.list(run).stream().anyMatch(p -> "PARTIAL".equals(p.status()))) {
      // Partial data holds every product up to where the export failed, but not necessarily all their children:
      // pruning could delete children that exist. The next sync made of whole exports reconciles.
      LOG.warning(() -> "Run " + run.runId() + " includes partial export data: nothing pruned or marked deleted");
      return skipped(run, "SKIPPED_PARTIAL_DATA");
    }
    Map<String, Object> parameters = Map.of("shop_id", run.shopId().value(), "run_id", run.runId());
    long unreadable = tenants.call(run.shopId(), c -> RECONCILE.firstRow(c, "unreadable", parameters)[0]);
    if (unreadable > 0) {
      LOG.warning(() -> "Run " + run.runId() + ": " + unreadable + " rejected lines have no readable id, so the run"
          + " cannot tell what Shopify still has: nothing pruned or marked deleted");
      return skipped(run, "SKIPPED_UNREADABLE_IDS");
    }
    String report =
        tenants.call(
            run.shopId(),
            c -> {
              StringBuilder done = new StringBuilder();
              for (String statement : PRUNING) {
                int rows = RECONCILE.update(c, statement, parameters);
                if (statement.startsWith("pruned_")) {
                  done.append(statement).append('=').append(rows).append(' ');
                }
              }
              if (run.full()) {
                done.append("deleted=").append(RECONCILE.update(c, "deleted", parameters));
              }
              RECONCILE.update(c, "outcome", outcome(run, "RECONCILED"));
              return done.toString().strip();
            });
    LOG.info(() -> "Reconciled " + run.runId() + ": " + report);
    return "RECONCILED";
  }

  private String skipped(SyncRun run, String reconcile) {
    tenants.run(run.shopId(), c -> RECONCILE.update(c, "outcome", outcome(run, reconcile)));
    return "NOT_RECONCILED";
  }

  private static Map<String, Object> outcome(SyncRun run, String reconcile) {
    return Map.of("run_id", run.runId(), "reconcile", reconcile);
  }
}
