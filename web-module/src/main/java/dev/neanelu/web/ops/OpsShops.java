package dev.neanelu.web.ops;

import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.ws.rs.NotFoundException;

/** The registered shop an ops path names, or 404 problem+json. */
final class OpsShops {

  private OpsShops() {}

  static Shop require(ShopRegistry shops, String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    return shops.find(domain).orElseThrow(() -> new NotFoundException("Unknown shop " + domain));
  }
}
