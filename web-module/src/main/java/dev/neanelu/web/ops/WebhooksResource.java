package dev.neanelu.web.ops;

import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.webhook.WebhookInbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** A shop's webhook inbox, newest first, without bodies (they may hold a customer's contact details). */
@Path("ops/shops/{shop}/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  @Inject ShopRegistry shops;
  @Inject WebhookInbox inbox;

  @GET
  public JsonArray webhooks(
      @PathParam("shop") String shop, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (WebhookInbox.Row row : inbox.recent(OpsShops.require(shops, shop).id(), limit)) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", row.id())
              .add("topic", row.topic())
              .add("eventId", row.eventId())
              .add("status", row.status())
              .add("receivedAt", row.receivedAt().toString());
      optional(json, "triggeredAt", row.triggeredAt());
      optional(json, "processedAt", row.processedAt());
      if (row.outcome() != null) {
        json.add("outcome", row.outcome());
      }
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
