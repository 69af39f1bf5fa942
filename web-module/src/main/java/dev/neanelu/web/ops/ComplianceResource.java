package dev.neanelu.web.ops;

import dev.neanelu.compliance.CustomerRequests;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;

/** The compliance requests recorded for a shop, with their reports. */
@Path("ops/shops/{shop}/compliance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

  @Inject ShopRegistry shops;
  @Inject CustomerRequests customerRequests;

  @GET
  public JsonArray compliance(
      @PathParam("shop") String shop, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (CustomerRequests.Recorded r : customerRequests.recorded(OpsShops.require(shops, shop).id(), limit)) {
      JsonArrayBuilder orders = Json.createArrayBuilder();
      r.orders().forEach(orders::add);
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", r.id())
              .add("topic", r.topic())
              .add("customerId", r.customerId() == null ? JsonValue.NULL : Json.createValue(r.customerId()))
              .add("orders", orders)
              .add("report", Json.createReader(new StringReader(r.reportJson())).readObject())
              .add("receivedAt", r.receivedAt().toString())
              .add("completedAt", r.completedAt().toString());
      if (r.dataRequestId() != null) {
        json.add("dataRequestId", r.dataRequestId());
      }
      out.add(json);
    }
    return out.build();
  }
}
