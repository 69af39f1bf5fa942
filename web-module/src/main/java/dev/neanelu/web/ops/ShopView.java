package dev.neanelu.web.ops;

import dev.neanelu.tenant.Shop;
import java.time.Instant;

/** A shop as the ops API shows it: never any credential. */
public record ShopView(
    String id, String shop, String plan, String scopes, Instant installedAt, Instant uninstalledAt) {

  static ShopView of(Shop shop) {
    return new ShopView(
        shop.id().toString(),
        shop.domain().value(),
        shop.plan().code(),
        shop.scopes(),
        shop.installedAt(),
        shop.uninstalledAt());
  }
}
