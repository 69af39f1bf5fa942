package dev.neanelu.catalog;

import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resumes catalog syncs whose job execution died with its JVM, by itself and once across all instances: a dead
 * claim ({@link SyncClaims}) whose execution the batch runtime has marked FAILED (Liberty does so for its own
 * executions when the server starts again) is restarted from its checkpoints, the same job instance, under the
 * shop's resume lock; a second resumer finds the restart done (the execution is no longer the most recent) and
 * leaves it. After {@code SYNC_RESUME_MAX_ATTEMPTS} (3) automatic restarts the run is given up: FAILED with the
 * reason, and the claim dropped.
 *
 * <p>An execution of a server that never comes back stays STARTED in the job repository; the job operator cannot
 * restart it (only FAILED or STOPPED executions restart), so such a claim is left as it is and logged until an
 * operator ends it.
 */
@ApplicationScoped
public class SyncResumer {

  private static final Logger LOG = Logger.getLogger(SyncResumer.class.getName());
  private static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);

  @Inject SyncClaims claims;
  @Inject CatalogSyncService sync;
  @Inject SyncRequests requests;

  @Inject
  @ConfigProperty(name = "SYNC_RESUME_MAX_ATTEMPTS", defaultValue = "3")
  int maxAttempts;

  /** Looks at every dead claim once; returns how many job instances it restarted. */
  public int resumeDead() {
    int restarted = 0;
    for (SyncClaims.Holder dead : claims.dead()) {
      try {
        restarted += resume(dead) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warning(() -> "Resuming job instance " + dead.jobInstanceId() + " failed: " + e.getMessage());
      }
    }
    return restarted;
  }

  /**
   * The execution to follow for a sync whose last known execution is {@code jobExecutionId}: the live one if any, a
   * restart of the job instance if it is dead and restartable, else the latest.
   */
  public long restartOrFollow(dev.neanelu.tenant.TenantId shop, long jobExecutionId) {
    long latest = sync.latestExecution(jobExecutionId);
    var live = claims.liveHolder(shop);
    if (live.isPresent() || !RESTARTABLE.contains(sync.status(latest))) {
      return latest;
    }
    AtomicLong next = new AtomicLong(latest);
    claims.whileResuming(shop, () -> restartIfMostRecent(latest).ifPresent(next::set));
    return next.get() == latest ? sync.latestExecution(latest) : next.get();
  }

  private boolean resume(SyncClaims.Holder dead) {
    BatchStatus status = sync.status(dead.jobExecutionId());
    if (!RESTARTABLE.contains(status)) {
      if (CatalogSyncService.ended(status)) {
        claims.drop(dead); // COMPLETED or ABANDONED: nothing to resume
      } else {
        LOG.fine(() -> "Job execution " + dead.jobExecutionId() + " is " + status + " with no live JVM; waiting");
      }
      return false;
    }
    if (dead.resumeAttempts() >= maxAttempts) {
      requests.giveUp(dead.shop(), dead.jobInstanceId(), "Given up after " + maxAttempts
          + " automatic restarts after crashes; last execution " + dead.jobExecutionId() + " ended " + status);
      claims.drop(dead);
      LOG.warning(() -> "Gave up job instance " + dead.jobInstanceId() + " after " + maxAttempts + " restarts");
      return false;
    }
    AtomicLong restarted = new AtomicLong(-1);
    claims.whileResuming(dead.shop(), () -> {
      if (claims.liveHolder(dead.shop()).isEmpty()) {
        restartIfMostRecent(dead.jobExecutionId()).ifPresent(e -> {
          claims.countResume(dead);
          restarted.set(e);
        });
      }
    });
    if (restarted.get() > 0) {
      LOG.info(() -> "Restarted job instance " + dead.jobInstanceId() + " (execution " + dead.jobExecutionId()
          + " died with its JVM) as execution " + restarted.get());
    }
    return restarted.get() > 0;
  }

  private java.util.Optional<Long> restartIfMostRecent(long jobExecutionId) {
    if (sync.latestExecution(jobExecutionId) != jobExecutionId) {
      return java.util.Optional.empty(); // restarted already, by another instance or attempt
    }
    try {
      return java.util.Optional.of(sync.restart(jobExecutionId));
    } catch (RuntimeException e) { // not restartable (any more), wrapped by the EJB container
      LOG.fine(() -> "Job execution " + jobExecutionId + " was not restarted: " + e.getMessage());
      return java.util.Optional.empty();
    }
  }
}
