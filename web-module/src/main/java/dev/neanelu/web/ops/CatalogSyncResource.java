package dev.neanelu.web.ops;

import dev.neanelu.catalog.SourceUrlPolicy;
import dev.neanelu.catalog.SyncAlreadyRunningException;
import dev.neanelu.catalog.SyncRequests;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;

/**
 * Starts a catalog sync (the CatalogIngestJob batch job) for a registered shop, through fair dispatch: the request
 * is queued as a {@code catalog-sync} work item, and answered with the job's ids once the job starts, or with the
 * item to follow ({@link SyncsResource}) when the shop's slot stays busy.
 */
@Path("ops/shops/{shop}/sync")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogSyncResource {

  @Inject ShopRegistry shops;
  @Inject SyncRequests requests;
  @Inject SourceUrlPolicy sources;

  /**
   * 202 with {@code {"workItemId":N,"jobInstanceId":N,"jobExecutionId":N}} once the job started, or {@code
   * {"workItemId":N,"state":"ready"}} when it has not within {@code SyncsResource.START_WAIT}; both with the item's
   * {@code Location}. 409 while a sync of the shop runs or is queued; 404 for an unknown shop; 400 for a {@code
   * jsonlUrl} that {@link SourceUrlPolicy} refuses.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@PathParam("shop") String shop, @Valid SyncRequest request)
      throws SyncAlreadyRunningException, InterruptedException {
    ShopDomain domain = ShopDomain.parse(shop);
    Shop found =
        shops.find(domain).filter(s -> s.installed()).orElseThrow(() -> new NotFoundException("No installed shop "
            + domain));
    SyncRequest body = request == null ? new SyncRequest(null, null) : request;
    if (body.jsonlUrl() != null) {
      sources.check("jsonlUrl", body.jsonlUrl()); // 400 naming the field, before anything is started or fetched
    }
    long item = requests.queue(found, Objects.requireNonNullElse(body.mode(), "full"), body.jsonlUrl());
    return Response.accepted(SyncsResource.awaitStart(requests, found, item))
        .location(URI.create("/api/ops/shops/" + domain + "/syncs/" + item))
        .build();
  }
}
