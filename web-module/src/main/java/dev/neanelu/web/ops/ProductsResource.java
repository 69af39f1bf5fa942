package dev.neanelu.web.ops;

import dev.neanelu.catalog.CatalogQueries;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One stored product under Shopify's field names, with variants (and their metafields), metafields and media. */
@Path("ops/shops/{shop}/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

  @Inject ShopRegistry shops;
  @Inject CatalogQueries catalog;

  @GET
  @Path("{id: [0-9]{1,19}}")
  public Response product(@PathParam("shop") String shop, @PathParam("id") long id) {
    ShopDomain domain = ShopDomain.parse(shop);
    Shop found = shops.find(domain).orElseThrow(() -> new NotFoundException("Unknown shop " + domain));
    String json =
        catalog.product(found.id(), id).orElseThrow(() -> new NotFoundException("No product " + id + " for " + domain));
    return Response.ok(json, MediaType.APPLICATION_JSON).build();
  }
}
