package dev.neanelu.batch.catalogingest;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/** Validates the parameters and creates the run, or picks it up again on a restart of the same job instance. */
@Named
@Dependent
public class StartRunBatchlet extends AbstractBatchlet {

  private static final Set<String> MODES = Set.of("full", "incremental");

  @Inject IngestRun ingest;

  @Override
  public String process() {
    String mode = ingest.property("mode") == null ? "full" : ingest.property("mode");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("Job parameter mode must be full or incremental, not " + mode);
    }
    var run = ingest.runs().startOrResume(ingest.shop().id(), ingest.instanceId(), mode, ingest.property("jsonlUrl"));
    return run.bulkOperationId() == null ? "STARTED" : "RESUMED";
  }
}
