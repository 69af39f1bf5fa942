package dev.neanelu.web.ops;

import dev.neanelu.catalog.CatalogQueries;
import dev.neanelu.catalog.SyncRun;
import dev.neanelu.catalog.SyncRuns;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;

/**
 * What is stored for a shop: catalog counts and its latest sync run, with the lines that run could not store
 * ({@code errors}) apart from those it stored altered ({@code warnings}), and whether it pruned and marked deleted
 * ({@code reconcile}).
 */
@Path("ops/shops/{shop}/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  @Inject ShopRegistry shops;
  @Inject CatalogQueries catalog;
  @Inject SyncRuns runs;

  @GET
  @Path("summary")
  public JsonObject summary(@PathParam("shop") String shop) {
    Shop found = find(shop);
    CatalogQueries.Counts counts = catalog.counts(found.id());
    return Json.createObjectBuilder()
        .add("products", counts.products())
        .add("variants", counts.variants())
        .add("metafields", counts.metafields())
        .add("media", counts.media())
        .add("deleted", counts.deleted())
        .add("errors", counts.errors())
        .add("warnings", counts.warnings())
        .add("reconcile", counts.reconcile() == null ? JsonValue.NULL : Json.createValue(counts.reconcile()))
        .add("lastSync", runs.latest(found.id()).map(CatalogResource::view).orElse(JsonValue.NULL))
        .build();
  }

  private Shop find(String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    return shops.find(domain).orElseThrow(() -> new NotFoundException("Unknown shop " + domain));
  }

  static JsonValue view(SyncRun run) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("runId", run.runId().toString())
            .add("jobInstanceId", run.jobInstanceId())
            .add("mode", run.mode())
            .add("status", run.status())
            .add("linesLoaded", run.linesLoaded())
            .add("startedAt", run.startedAt().toString())
            .add("counts", Json.createReader(new StringReader(run.counts())).readObject());
    optional(json, "outcome", run.outcome());
    if (run.verification() != null) {
      json.add("verification", Json.createReader(new StringReader(run.verification())).readObject());
    }
    optional(json, "bulkOperationId", run.bulkOperationId());
    optional(json, "bulkStatus", run.bulkStatus());
    optional(json, "finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
    if (run.objectCount() != null) {
      json.add("objectCount", run.objectCount());
    }
    if (run.rootObjectCount() != null) {
      json.add("rootObjectCount", run.rootObjectCount());
    }
    return json.build();
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
