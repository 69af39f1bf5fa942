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

  // Observers never throw: the install or uninstall has already happened, and other observers must still hear it.

  void installed(@Observes ShopInstalled event) {
    try {
      long item = dispatch.enqueue(event.shop(), CatalogSyncWork.KIND, CatalogSyncWork.payload(event.domain(), "full"));
      LOG.info(() -> "First full catalog sync of " + event.domain() + " queued (work item " + item + ")");
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not queue the first sync of " + event.domain() + ": " + e.getMessage());
    }
  }

  void uninstalled(@Observes ShopUninstalled event) {
    try {
      int stopped = sync.stopRunning(event.domain());
      if (stopped > 0) {
        LOG.info(() -> "Stopped " + stopped + " running catalog syncs of uninstalled " + event.domain());
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not stop the running syncs of uninstalled " + event.domain() + ": " + e.getMessage());
    }
  }
}
