package dev.neanelu.web.ops;

import dev.neanelu.catalog.CatalogSweeps;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** A shop's reconciliation sweep: its schedule and last result, and a sweep now. */
@Path("ops/shops/{shop}/sweep")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SweepResource {

  @Inject ShopRegistry shops;
  @Inject CatalogSweeps sweeps;

  @GET
  public JsonObject state(@PathParam("shop") String shop) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    sweeps.state(OpsShops.require(shops, shop).id()).ifPresent(s -> {
      optional(json, "nextDueAt", s.nextDueAt());
      optional(json, "sweptThrough", s.sweptThrough());
      optional(json, "lastSweptAt", s.lastSweptAt());
      if (s.lastOutcome() != null) {
        json.add("lastOutcome", s.lastOutcome());
      }
    });
    return json.build();
  }

  @POST
  public Response sweepNow(@PathParam("shop") String shop) {
    boolean queued = sweeps.queueNow(OpsShops.require(shops, shop).id());
    return Response.accepted(Json.createObjectBuilder().add("queued", queued).build()).build();
  }

  private static void optional(JsonObjectBuilder json, String name, Instant value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
