package dev.neanelu.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Looks for due reconciliation sweeps every minute in this JVM, once the schema is migrated. Every instance looks;
 * {@link CatalogSweeps} makes sure each due sweep is queued once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SweepSchedule {

  private static final Logger LOG = Logger.getLogger(SweepSchedule.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject CatalogSweeps sweeps;

  private ScheduledFuture<?> tick;

  @PostConstruct
  void start() {
    tick = scheduler.scheduleWithFixedDelay(this::queueDue, 1, 1, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (tick != null) {
      tick.cancel(false);
    }
  }

  private void queueDue() {
    try {
      int queued = sweeps.queueDue();
      if (queued > 0) {
        LOG.fine(() -> "Queued " + queued + " reconciliation sweeps");
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Looking for due sweeps failed: " + e.getMessage());
    }
  }
}
