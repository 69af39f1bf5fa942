package dev.neanelu.web.ops;

import dev.neanelu.shopify.GraphqlDocument;
import dev.neanelu.shopify.ShopCircuitBreakers;
import dev.neanelu.shopify.ShopifyClient;
import dev.neanelu.shopify.ShopifyMetrics;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A shop as Shopify sees it, and how this instance uses the shop's API budget: the operator's check that a token
 * works and the pacing behaves.
 *
 * <p>Each per-shop feature has its own root path ({@code ops/shops/{shop}/<feature>}): JAX-RS picks one root class
 * per request, so a class rooted at {@code ops/shops/{shop}} would hide {@link ShopsResource}'s {@code GET}.
 */
@Path("ops/shops/{shop}/shopify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ShopifyResource {

  private static final GraphqlDocument SHOP_OVERVIEW = GraphqlDocument.load(ShopifyClient.class, "ShopOverview");

  @Inject ShopRegistry shops;
  @Inject ShopifyClient shopify;
  @Inject ShopifyMetrics metrics;
  @Inject ShopCircuitBreakers circuits;

  /** Calls Shopify live ({@code ShopOverview.graphql}); 404 for an unknown shop, 502/503 when Shopify cannot answer. */
  @GET
  public JsonObject overview(@PathParam("shop") String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    if (shops.find(domain).isEmpty()) {
      throw new NotFoundException("Unknown shop " + domain);
    }
    return shopify.execute(domain, SHOP_OVERVIEW, JsonObject.EMPTY_JSON_OBJECT);
  }

  /** This instance's Admin API counters for the shop, and its circuit state. */
  @GET
  @Path("usage")
  public JsonObject usage(@PathParam("shop") String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    var builder = Json.createObjectBuilder();
    metrics.usageOf(domain.value()).forEach((name, value) -> builder.add(name, value.doubleValue()));
    circuits.openUntil(domain).ifPresent(until -> builder.add("circuitOpenUntil", until.toString()));
    return builder.build();
  }
}
