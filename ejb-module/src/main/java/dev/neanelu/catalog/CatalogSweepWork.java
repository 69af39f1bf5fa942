package dev.neanelu.catalog;

import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.fairness.TenantScope;
import dev.neanelu.fairness.WorkHandler;
import dev.neanelu.fairness.WorkItem;
import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopifyClient;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reconciliation sweep of a shop ({@code catalog-sweep}): reads the products Shopify updated since the last sweep
 * through the throttle-aware client and applies them with the same newest-wins writes as the webhooks, so whatever a
 * lost or dropped delivery missed is fixed. A small change set is read page by page ({@value #MAX_PAGES} pages of
 * five); a larger one, or a product with more variants or media than a page holds, is handed to an incremental sync
 * (a bulk export), which reads any number. A sweep yields to a sync of the shop that is running: it changes nothing
 * and leaves its mark, so the next sweep reads the same window.
 *
 * <p>Not covered: products deleted while their {@code products/delete} was lost; an updated-since query cannot see
 * them, and the next full sync marks them deleted.
 */
@ApplicationScoped
public class CatalogSweepWork implements WorkHandler {

  public static final String KIND = "catalog-sweep";

  static final int MAX_PAGES = 40;

  /** Read back this far before the mark: Shopify's timestamps have whole seconds, and clocks differ. */
  private static final Duration OVERLAP = Duration.ofMinutes(1);

  private static final GraphqlDocument SWEEP = GraphqlDocument.load(CatalogSweepWork.class, "SweepProducts");

  @Inject ShopRegistry shops;
  @Inject SyncRuns runs;
  @Inject CatalogSweeps sweeps;
  @Inject ShopifyClient shopify;
  @Inject FairDispatch dispatch;

  Clock clock = Clock.systemUTC();

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void handle(WorkItem item, TenantScope tenant) {
    Optional<Shop> shop = shops.find(tenant.tenant()).filter(Shop::installed);
    if (shop.isEmpty()) {
      return;
    }
    if (runs.latest(tenant.tenant()).filter(r -> "RUNNING".equals(r.status())).isPresent()) {
      sweeps.record(tenant.tenant(), null, "yielded to the running sync");
      return;
    }
    Optional<Instant> since = sweeps.since(tenant.tenant());
    if (since.isEmpty()) {
      sweeps.record(tenant.tenant(), null, "no successful sync yet: nothing to sweep from");
      return;
    }
    Instant startedAt = clock.instant();
    String query = "updated_at:>'" + since.get().minus(OVERLAP).truncatedTo(ChronoUnit.SECONDS) + "'";
    Sweep sweep = read(shop.get(), tenant, query);
    if (sweep.handedOver()) {
      long queued =
          dispatch.enqueue(tenant.tenant(), CatalogSyncWork.KIND, CatalogSyncWork.payload(shop.get().domain(),
              "incremental"));
      sweeps.record(tenant.tenant(), null, "applied " + sweep.applied() + " of " + sweep.read()
          + " products, then handed the rest to an incremental sync (work item " + queued + ")");
      return;
    }
    sweeps.record(tenant.tenant(), startedAt, "applied " + sweep.applied() + " of " + sweep.read()
        + " products updated since " + since.get());
  }

  /** What one sweep read and applied, and whether it left the rest to a sync. */
  record Sweep(int read, int applied, boolean handedOver) {}

  private Sweep read(Shop shop, TenantScope tenant, String query) {
    int read = 0;
    int applied = 0;
    String after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonObjectBuilder variables = Json.createObjectBuilder().add("query", query);
      variables.add("after", after == null ? JsonValue.NULL : Json.createValue(after));
      JsonObject products = shopify.execute(shop.domain(), SWEEP, variables.build()).getJsonObject("products");
      List<CatalogChange> changes = new ArrayList<>();
      boolean truncated = false;
      for (JsonValue node : products.getJsonArray("nodes")) {
        truncated |= GraphqlProduct.truncated(node.asJsonObject());
        changes.add(GraphqlProduct.from(node.asJsonObject()));
      }
      read += changes.size();
      applied += tenant.call(c -> {
        int written = 0;
        for (CatalogChange change : changes) {
          written += CatalogWrites.apply(c, tenant.tenant(), change) >= 0 ? 1 : 0;
        }
        return written;
      });
      JsonObject pageInfo = products.getJsonObject("pageInfo");
      if (truncated) {
        return new Sweep(read, applied, true);
      }
      if (!pageInfo.getBoolean("hasNextPage")) {
        return new Sweep(read, applied, false);
      }
      after = pageInfo.getString("endCursor");
    }
    return new Sweep(read, applied, true);
  }
}
