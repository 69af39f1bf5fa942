package dev.neanelu.web.admin;

import dev.neanelu.install.EmbeddedSessions;
import dev.neanelu.install.InstallRejectedException;
import dev.neanelu.install.ShopOverview;
import dev.neanelu.session.SessionToken;
import dev.neanelu.tenant.Shop;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/admin/shop}: the embedded admin's shop, taken from the session token only (there is no shop
 * parameter to tamper with). Opening it makes sure the shop has a usable offline token (see
 * {@link EmbeddedSessions}).
 */
@Path("admin/shop")
@RequestScoped
@EmbeddedAdmin
@Produces(MediaType.APPLICATION_JSON)
public class AdminShopResource {

  @Inject EmbeddedSessions sessions;
  @Context HttpServletRequest request;

  @GET
  public JsonObject shop() {
    SessionToken session = (SessionToken) request.getAttribute(SessionTokenFilter.SESSION);
    Shop shop;
    try {
      shop = sessions.open(session);
    } catch (InstallRejectedException e) {
      throw new NotAuthorizedException(e.getMessage(), "Bearer");
    }
    return view(sessions.overview(shop));
  }

  private static JsonObject view(ShopOverview overview) {
    JsonObjectBuilder lastSync = Json.createObjectBuilder();
    for (Map.Entry<String, Object> e : overview.lastSync().entrySet()) {
      if (e.getValue() == null) {
        lastSync.addNull(e.getKey());
      } else {
        lastSync.add(e.getKey(), e.getValue().toString());
      }
    }
    JsonObjectBuilder view =
        Json.createObjectBuilder()
            .add("shop", overview.shop().domain().value())
            .add("plan", overview.shop().plan().code())
            .add("installedAt", overview.shop().installedAt().toString())
            .add("lastSync", lastSync);
    Instant expires = overview.tokenExpiresAt();
    return (expires == null ? view.addNull("tokenExpiresAt") : view.add("tokenExpiresAt", expires.toString())).build();
  }
}
