package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Reopens the run when a job instance is restarted, and closes it when the job ends: SUCCEEDED after a completed job, FAILED otherwise (a step that failed for a
 * known reason has already recorded it; this covers the rest, such as a stopped job or an unexpected error).
 */
@Named
@Dependent
public class SyncRunListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(SyncRunListener.class.getName());

  @Inject IngestRun ingest;
  @Inject JobContext job;

  /**
   * A restart resumes at the step that stopped or failed, after StartRun; reopen the run here so that it reads
   * RUNNING again. On a first execution there is no run yet: StartRun creates it.
   */
  @Override
  public void beforeJob() {
    try {
      var shop = ingest.shop();
      ingest.runs().latest(shop.id())
          .filter(run -> run.jobInstanceId() == job.getInstanceId())
          .ifPresent(run -> ingest.runs().startOrResume(shop.id(), run.jobInstanceId(), run.mode(), run.sourceUrl()));
    } catch (RuntimeException e) {
      LOG.warning(() -> "Catalog ingest cannot start: " + e.getMessage());
    }
  }

  @Override
  public void afterJob() {
    SyncRun run;
    try {
      run = ingest.run();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Catalog ingest ended before its run was recorded: " + e.getMessage());
      return;
    }
    if (!"RUNNING".equals(run.status())) {
      return;
    }
    // During afterJob a successful job still reports STARTED; only a failure or stop shows here.
    boolean completed = job.getBatchStatus() == BatchStatus.STARTED || job.getBatchStatus() == BatchStatus.COMPLETED;
    String outcome =
        completed
            ? "Synced: " + run.counts()
            : "Job ended " + job.getBatchStatus() + " (exit status " + job.getExitStatus() + "); see the job log";
    ingest.runs().finish(run.shopId(), run.runId(), completed, outcome, null);
  }
}
