package dev.neanelu.shopify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The Admin GraphQL endpoint as a MicroProfile Rest Client. One instance per shop, because each shop has its own
 * base URI ({@link AdminApiEndpoint}); non-2xx answers become typed exceptions through the mapper.
 */
@RegisterProvider(ShopifyResponseExceptionMapper.class)
public interface ShopifyAdminApi {

  /** @return the raw JSON body; parsed by {@link GraphqlCaller} together with the cost extension */
  @POST
  @Path("/admin/api/{version}/graphql.json")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  String graphql(
      @PathParam("version") String version,
      @HeaderParam("X-Shopify-Access-Token") String accessToken,
      String requestBody);
}
