package dev.neanelu.web.ops;

import dev.neanelu.catalog.SyncRequests;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;

/** A requested catalog sync, followed by its fair-dispatch work item id. */
@Path("ops/shops/{shop}/syncs/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncsResource {

  /** How long a sync request waits for its job to start before it answers with the queued item only. */
  static final Duration START_WAIT = Duration.ofSeconds(10);

  @Inject ShopRegistry shops;
  @Inject SyncRequests requests;

  /**
   * {@code {"workItemId","state","attempts","maxAttempts"}} plus, once known, {@code "lastError"}, {@code
   * "jobInstanceId"}, {@code "jobExecutionId"} and {@code "runStatus"}; 404 for an unknown shop or item.
   */
  @GET
  public JsonObject follow(@PathParam("shop") String shop, @PathParam("id") long id) {
    return view(requests, OpsShops.require(shops, shop), id);
  }

  /** The request's view once its job started (or it ended), or after {@link #START_WAIT}. */
  static JsonObject awaitStart(SyncRequests requests, Shop shop, long item) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_WAIT);
    JsonObject view = view(requests, shop, item);
    while (!started(view) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      view = view(requests, shop, item);
    }
    return view;
  }

  private static boolean started(JsonObject view) {
    return view.containsKey("jobExecutionId") || !view.getString("state").matches("ready|running");
  }

  private static JsonObject view(SyncRequests requests, Shop shop, long id) {
    SyncRequests.Requested found =
        requests.find(shop.id(), id).orElseThrow(() -> new NotFoundException("No sync " + id + " of " + shop.domain()));
    JsonObjectBuilder json = Json.createObjectBuilder()
        .add("workItemId", found.workItemId())
        .add("state", found.state())
        .add("attempts", found.attempts())
        .add("maxAttempts", found.maxAttempts());
    if (found.lastError() != null) {
      json.add("lastError", found.lastError());
    }
    if (found.jobInstanceId() != null) {
      json.add("jobInstanceId", found.jobInstanceId());
    }
    if (found.jobExecutionId() != null) {
      json.add("jobExecutionId", found.jobExecutionId());
    }
    if (found.runStatus() != null) {
      json.add("runStatus", found.runStatus());
    }
    return json.build();
  }
}
