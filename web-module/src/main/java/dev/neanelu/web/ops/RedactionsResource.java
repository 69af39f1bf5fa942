package dev.neanelu.web.ops;

import dev.neanelu.compliance.Redactions;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;

/** The audit of a shop's {@code shop/redact} erasures, which outlives the shop's rows. */
@Path("ops/shops/{shop}/redactions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RedactionsResource {

  @Inject ShopRegistry shops;
  @Inject Redactions redactions;

  @GET
  public JsonArray redactions(@PathParam("shop") String shop) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (Redactions.Redaction r : redactions.of(OpsShops.require(shops, shop).id())) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", r.id())
              .add("eventId", r.eventId())
              .add("redactedAt", r.redactedAt().toString())
              .add("rowsDeleted", Json.createReader(new StringReader(r.rowsDeletedJson())).readObject());
      optional(json, "requestedAt", r.requestedAt());
      out.add(json);
    }
    return out.build();
  }

  private static void optional(JsonObjectBuilder json, String name, Instant value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
