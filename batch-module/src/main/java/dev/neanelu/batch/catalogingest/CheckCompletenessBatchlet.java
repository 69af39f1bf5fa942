package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The truncation guard, before anything is deleted or pruned. Every object Shopify says it exported
 * ({@code objectCount}, {@code rootObjectCount}) must have arrived as a line, loaded or rejected; and every child
 * must find its parent in the file or in the catalog. Otherwise the run fails loudly: a silently short export is
 * how peers report success with a tenth of the data (peer-lessons §2.5).
 */
@Named
@Dependent
public class CheckCompletenessBatchlet extends AbstractBatchlet {

  private static final SqlScript COMPLETENESS = SqlScript.load("completeness.sql");

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;

  @Override
  public String process() {
    SyncRun run = ingest.run();
    long[] tally = tenants.call(run.shopId(), c -> tally(c, run));
    long loaded = tally[0];
    long roots = tally[1];
    long rejected = tally[2];
    long orphans = tally[3];
    if (run.objectCount() != null && loaded + rejected < run.objectCount()) {
      throw ingest.fail(run, "Export truncated: Shopify reported " + run.objectCount() + " objects, "
          + (loaded + rejected) + " lines arrived (" + loaded + " loaded, " + rejected + " rejected)");
    }
    if (run.rootObjectCount() != null && roots + rejected < run.rootObjectCount()) {
      throw ingest.fail(run, "Export truncated: Shopify reported " + run.rootObjectCount() + " products, "
          + roots + " arrived");
    }
    if (orphans > 0) {
      throw ingest.fail(run, "Export incomplete: " + orphans + " lines name a __parentId that is neither in the"
          + " file nor in the catalog");
    }
    return "COMPLETE";
  }

  private static long[] tally(java.sql.Connection c, SyncRun run) throws java.sql.SQLException {
    COMPLETENESS.update(c, "planner", java.util.Map.of());
    COMPLETENESS.update(c, "memory", java.util.Map.of());
    return COMPLETENESS.firstRow(
        c, "tally", java.util.Map.of("shop_id", run.shopId().value(), "run_id", run.runId()));
  }
}
