package dev.neanelu.web.tokens;

import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.token.OfflineToken;
import dev.neanelu.token.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/ops/shops/{shop}/token-migration}: replaces the shop's legacy non-expiring token by an expiring
 * pair (token exchange, {@code expiring=1}); a no-op for a shop that already has one. Its own root path: JAX-RS picks
 * one root class per request (see {@code web.ops.ShopifyResource}).
 */
@Path("ops/shops/{shop}/token-migration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenMigrationResource {

  @Inject ShopRegistry shops;
  @Inject TokenService tokens;

  @POST
  public JsonObject migrate(@PathParam("shop") String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    Shop registered = shops.find(domain).orElseThrow(() -> new NotFoundException("No shop " + domain));
    OfflineToken token = tokens.migrateLegacy(registered);
    return Json.createObjectBuilder()
        .add("shop", domain.value())
        .add("tokenExpiresAt", String.valueOf(token.expiresAt()))
        .build();
  }
}
