package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncClaims;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/**
 * Validates the parameters and creates the run, or picks it up again on a restart of the same job instance. Fails
 * fast, before anything of the run exists, when the job could not claim its shop because another run of the shop is
 * alive (see {@link SyncRunListener}).
 */
@Named
@Dependent
public class StartRunBatchlet extends AbstractBatchlet {

  private static final Set<String> MODES = Set.of("full", "incremental");

  @Inject IngestRun ingest;
  @Inject SyncClaims claims;
  @Inject JobContext job;

  @Override
  public String process() {
    String mode = ingest.property("mode") == null ? "full" : ingest.property("mode");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("Job parameter mode must be full or incremental, not " + mode);
    }
    var shop = ingest.shop();
    if (!claims.holds(job.getExecutionId())) {
      throw new IllegalStateException(SyncRunListener.refusal(shop.domain(), claims.liveHolder(shop.id())));
    }
    var run = ingest.runs().startOrResume(shop.id(), ingest.instanceId(), mode, ingest.property("jsonlUrl"));
    claims.attach(shop.id(), ingest.instanceId(), job.getExecutionId(), workItem());
    return run.bulkOperationId() == null ? "STARTED" : "RESUMED";
  }

  private Long workItem() {
    String item = ingest.property("work.item");
    return item == null ? null : Long.valueOf(item);
  }
}
