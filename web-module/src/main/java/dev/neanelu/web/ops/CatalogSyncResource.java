package dev.neanelu.web.ops;

import dev.neanelu.catalog.CatalogSyncService;
import dev.neanelu.catalog.SourceUrlPolicy;
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
import java.util.Map;
import java.util.Objects;

/** Starts a catalog sync (the CatalogIngestJob batch job) for a registered shop. */
@Path("ops/shops/{shop}/sync")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogSyncResource {

  @Inject ShopRegistry shops;
  @Inject CatalogSyncService sync;
  @Inject SourceUrlPolicy sources;

  /**
   * 202 with {@code {"jobInstanceId":N,"jobExecutionId":N}}; 404 for an unknown shop; 400 for a {@code jsonlUrl}
   * that {@link SourceUrlPolicy} refuses.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@PathParam("shop") String shop, @Valid SyncRequest request) {
    ShopDomain domain = ShopDomain.parse(shop);
    if (shops.find(domain).filter(s -> s.installed()).isEmpty()) {
      throw new NotFoundException("No installed shop " + domain);
    }
    SyncRequest body = request == null ? new SyncRequest(null, null) : request;
    if (body.jsonlUrl() != null) {
      sources.check("jsonlUrl", body.jsonlUrl()); // 400 naming the field, before anything is started or fetched
    }
    CatalogSyncService.Started started =
        sync.start(domain, Objects.requireNonNullElse(body.mode(), "full"), body.jsonlUrl());
    return Response.accepted(
            Map.of("jobInstanceId", started.jobInstanceId(), "jobExecutionId", started.jobExecutionId()))
        .build();
  }
}
