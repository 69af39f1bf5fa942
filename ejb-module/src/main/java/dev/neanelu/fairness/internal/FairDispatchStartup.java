package dev.neanelu.fairness.internal;

import dev.neanelu.fairness.FairDispatch;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Starts this JVM's dispatcher once the schema is migrated (the queue's tables must exist) and stops it with the
 * application.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
// Bean-managed: starting threads needs no transaction, and the dispatcher commits its own work.
@TransactionManagement(TransactionManagementType.BEAN)
public class FairDispatchStartup {

  @Inject FairDispatch dispatch;

  @PostConstruct
  void start() {
    dispatch.start();
  }

  @PreDestroy
  void stop() {
    try {
      dispatch.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down anyway; leases of unfinished items expire
    }
  }
}
