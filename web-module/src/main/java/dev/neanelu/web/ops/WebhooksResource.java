package dev.neanelu.web.ops;

import dev.neanelu.compliance.CustomerRequests;
import dev.neanelu.compliance.Redactions;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.webhook.WebhookInbox;
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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;

/**
 * What webhooks did for a shop: its inbox (newest first, without bodies), the compliance requests recorded with
 * their reports, and the audit of {@code shop/redact} erasures (which outlives the shop's rows).
 */
@Path("ops/shops/{shop}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  @Inject ShopRegistry shops;
  @Inject WebhookInbox inbox;
  @Inject CustomerRequests customerRequests;
  @Inject Redactions redactions;

  @GET
  @Path("webhooks")
  public JsonArray webhooks(
      @PathParam("shop") String shop, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (WebhookInbox.Row row : inbox.recent(find(shop).id(), limit)) {
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

  @GET
  @Path("compliance")
  public JsonArray compliance(
      @PathParam("shop") String shop, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (CustomerRequests.Recorded r : customerRequests.recorded(find(shop).id(), limit)) {
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

  @GET
  @Path("redactions")
  public JsonArray redactions(@PathParam("shop") String shop) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (Redactions.Redaction r : redactions.of(find(shop).id())) {
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

  private Shop find(String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    return shops.find(domain).orElseThrow(() -> new NotFoundException("Unknown shop " + domain));
  }

  private static void optional(JsonObjectBuilder json, String name, Instant value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
