package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.TenantContext;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The truncation guard, before anything is deleted or pruned. Every object Shopify says it exported
 * ({@code objectCount}, {@code rootObjectCount}) must have arrived as a line, loaded or rejected; otherwise the run
 * fails loudly: a silently short export is how a sync reports success with a tenth of the data.
 *
 * <p>A child whose parent is neither in the file nor in the catalog (its parent's line was rejected, or never
 * written) is not kept: it becomes an error record of its own, naming the missing parent, and the run goes on.
 */
@Named
@Dependent
public class CheckCompletenessBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(CheckCompletenessBatchlet.class.getName());
  private static final SqlScript COMPLETENESS = SqlScript.load("completeness.sql");
  private static final String[] ORPHANS = {
    "orphan-variants-recorded", "orphan-variants-removed", "orphan-variants-forgotten", "orphan-media-recorded",
    "orphan-media-removed", "orphan-metafields-recorded", "orphan-metafields-removed"
  };

  @Inject IngestRun ingest;
  @Inject TenantContext tenants;

  @Override
  public String process() {
    SyncRun run = ingest.run();
    Map<String, Object> parameters = Map.of("shop_id", run.shopId().value(), "run_id", run.runId());
    List<List<String>> parts = tenants.call(run.shopId(), c -> COMPLETENESS.rows(c, "parts", parameters));
    for (List<String> part : parts) {
      checkPart(run, part.stream().mapToLong(Long::parseLong).toArray());
    }
    long orphans =
        tenants.call(
            run.shopId(),
            c -> {
              COMPLETENESS.update(c, "planner", Map.of());
              COMPLETENESS.update(c, "memory", Map.of());
              COMPLETENESS.update(c, "parent-products", parameters);
              COMPLETENESS.update(c, "parent-variants", parameters);
              COMPLETENESS.update(c, "statistics", Map.of());
              long recorded = 0;
              for (String statement : ORPHANS) {
                int rows = COMPLETENESS.update(c, statement, parameters);
                recorded += statement.endsWith("-recorded") ? rows : 0;
              }
              return recorded;
            });
    if (orphans > 0) {
      LOG.warning(() -> "Run " + run.runId() + ": " + orphans + " lines name a __parentId that is neither in the"
          + " file nor in the catalog; recorded as errors, not stored");
      return "ORPHANS_RECORDED";
    }
    return "COMPLETE";
  }

  /** One part: {part, objectCount, rootObjectCount, lines loaded, roots loaded, lines rejected}; -1 = not counted. */
  private void checkPart(SyncRun run, long[] part) {
    long objects = part[1];
    long roots = part[2];
    long loaded = part[3];
    long rootsLoaded = part[4];
    long rejected = part[5];
    if (objects >= 0 && loaded + rejected < objects) {
      throw ingest.fail(run, "Export truncated: Shopify reported " + objects + " objects, " + (loaded + rejected)
          + " lines arrived (" + loaded + " loaded, " + rejected + " rejected)" + where(part[0]));
    }
    if (roots >= 0 && rootsLoaded + rejected < roots) {
      throw ingest.fail(run, "Export truncated: Shopify reported " + roots + " products, " + rootsLoaded
          + " arrived" + where(part[0]));
    }
  }

  private static String where(long part) {
    return part == 0 ? "" : " in part " + part + " of the run";
  }
}
