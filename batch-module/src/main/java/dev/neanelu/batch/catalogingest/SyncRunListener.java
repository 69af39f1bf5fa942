package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncClaims;
import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Claims the shop for this execution before anything else runs ({@link SyncClaims}: one run per shop, cluster-wide,
 * held until the job ends), reopens the run when a job instance is restarted, and closes it when the job ends:
 * SUCCEEDED after a completed job, FAILED otherwise (a step that failed for a known reason has already recorded it;
 * this covers the rest, such as a stopped job or an unexpected error). An execution that could not claim its shop
 * touches no run: StartRun fails it (a first execution), or this listener does (a restart).
 */
@Named
@Dependent
public class SyncRunListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(SyncRunListener.class.getName());

  @Inject IngestRun ingest;
  @Inject JobContext job;
  @Inject SyncClaims claims;

  /** The message of a start refused because {@code holder} runs a sync of {@code shop}. */
  public static String refusal(ShopDomain shop, Optional<SyncClaims.Holder> holder) {
    return "A catalog sync of " + shop + " is already running"
        + holder.filter(h -> h.jobInstanceId() >= 0)
            .map(h -> ": job instance " + h.jobInstanceId() + ", execution " + h.jobExecutionId())
            .orElse("");
  }

  /**
   * A restart resumes at the step that stopped or failed, after StartRun; reopen the run here so that it reads
   * RUNNING again. On a first execution there is no run yet: StartRun creates it.
   */
  @Override
  public void beforeJob() {
    Shop shop;
    try {
      shop = ingest.shop();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Catalog ingest cannot start: " + e.getMessage());
      return; // StartRun fails with the same reason
    }
    Optional<SyncClaims.Holder> other = claims.claim(shop.id(), job.getInstanceId(), job.getExecutionId());
    Optional<SyncRun> own = ingest.runs().latest(shop.id())
        .filter(run -> run.jobInstanceId() == job.getInstanceId());
    if (other.isPresent()) {
      String refusal = refusal(shop.domain(), other);
      LOG.warning(() -> "Job execution " + job.getExecutionId() + " refused: " + refusal);
      if (own.isPresent()) {
        throw new IllegalStateException(refusal);
      }
      return;
    }
    own.ifPresent(run -> ingest.runs().startOrResume(shop.id(), run.jobInstanceId(), run.mode(), run.sourceUrl()));
  }

  @Override
  public void afterJob() {
    if (!claims.holds(job.getExecutionId())) {
      return; // refused: the run of the shop belongs to the execution that holds the claim
    }
    try {
      closeRun();
    } finally {
      try {
        claims.release(job.getExecutionId());
      } catch (RuntimeException e) {
        LOG.warning(() -> "Releasing the claim of job execution " + job.getExecutionId() + ": " + e.getMessage());
      }
    }
  }

  private void closeRun() {
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
