package dev.neanelu.catalog;

import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.install.ShopInstalled;
import dev.neanelu.install.ShopUninstalled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Ties catalog syncs to the install lifecycle: a (re)installed shop gets a first full sync, queued through fair
 * dispatch; an uninstalled shop's running syncs are stopped (its token is gone, they could only fail).
 */
@ApplicationScoped
public class SyncLifecycle {

  private static final Logger LOG = Logger.getLogger(SyncLifecycle.class.getName());

  @Inject FairDispatch dispatch;
  @Inject CatalogSyncService sync;

  void installed(@Observes ShopInstalled event) {
    long item = dispatch.enqueue(event.shop(), CatalogSyncWork.KIND, CatalogSyncWork.payload(event.domain(), "full"));
    LOG.info(() -> "First full catalog sync of " + event.domain() + " queued (work item " + item + ")");
  }

  void uninstalled(@Observes ShopUninstalled event) {
    int stopped = sync.stopRunning(event.domain());
    if (stopped > 0) {
      LOG.info(() -> "Stopped " + stopped + " running catalog syncs of uninstalled " + event.domain());
    }
  }
}
