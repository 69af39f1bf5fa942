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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for catalog syncs that died with their JVM soon after start and then every {@code SYNC_RESUME_SECONDS}
 * (30), once the schema is migrated; every instance looks, {@link SyncResumer} restarts each one once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
// Bean-managed: each look commits its own short transactions; the job operator needs none.
@TransactionManagement(TransactionManagementType.BEAN)
public class SyncResumeSchedule {

  private static final Logger LOG = Logger.getLogger(SyncResumeSchedule.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject SyncResumer resumer;

  @Inject
  @ConfigProperty(name = "SYNC_RESUME_SECONDS", defaultValue = "30")
  int intervalSeconds;

  private ScheduledFuture<?> tick;

  @PostConstruct
  void start() {
    tick = scheduler.scheduleWithFixedDelay(this::resumeDead, 5, Math.max(1, intervalSeconds), TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (tick != null) {
      tick.cancel(false);
    }
  }

  private void resumeDead() {
    try {
      int restarted = resumer.resumeDead();
      if (restarted > 0) {
        LOG.info(() -> "Restarted " + restarted + " catalog syncs that died with their JVM");
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Looking for dead catalog syncs failed: " + e.getMessage());
    }
  }
}
