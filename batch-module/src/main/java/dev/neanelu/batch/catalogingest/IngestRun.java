package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import dev.neanelu.catalog.SyncRuns;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** What every step of the job needs: the shop from the job parameters and the run of this job instance. */
@Dependent
public class IngestRun {

  @Inject JobContext job;
  @Inject ShopRegistry shops;
  @Inject SyncRuns runs;

  public Shop shop() {
    ShopDomain domain = ShopDomain.parse(property("shop"));
    Shop shop = shops.find(domain).orElseThrow(() -> new IllegalStateException("Unknown shop " + domain));
    if (!shop.installed()) {
      throw new IllegalStateException("Shop " + domain + " is uninstalled");
    }
    return shop;
  }

  public SyncRun run() {
    return runs.get(shop().id(), job.getInstanceId());
  }

  public String property(String name) {
    String value = job.getProperties().getProperty(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public long instanceId() {
    return job.getInstanceId();
  }

  public SyncRuns runs() {
    return runs;
  }

  /** Records the failure on the run (shown by the summary endpoint) and returns the exception to throw. */
  public IllegalStateException fail(SyncRun run, String message) {
    runs.finish(run.shopId(), run.runId(), false, message, null);
    return new IllegalStateException(message);
  }
}
