package dev.neanelu.web.ops;

import dev.neanelu.tenant.ShopAlreadyRegisteredException;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopPlan;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;

/** Registers shops and shows them to operators. */
@Path("ops/shops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ShopsResource {

  @Inject ShopRegistry registry;

  /** 201 with the new shop; 409 if it is installed already; 400 for a malformed or invalid body. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      @NotNull(message = "a JSON object is required") @Valid ShopRegistrationRequest request, @Context UriInfo uri)
      throws ShopAlreadyRegisteredException {
    ShopView shop =
        ShopView.of(
            registry.register(
                ShopDomain.parse(request.shop()),
                request.accessToken().strip(),
                ShopPlan.fromCode(Objects.requireNonNullElse(request.plan(), "standard")),
                Objects.requireNonNullElse(request.scopes(), "")));
    return Response.created(uri.getAbsolutePathBuilder().path(shop.shop()).build()).entity(shop).build();
  }

  @GET
  @Path("{shop}")
  public ShopView shop(@PathParam("shop") String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    return registry.find(domain).map(ShopView::of).orElseThrow(() -> new NotFoundException("Unknown shop " + domain));
  }
}
