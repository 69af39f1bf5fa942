package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.catalog.Gid;
import dev.neanelu.simulator.catalog.MediaImage;
import dev.neanelu.simulator.catalog.Metafield;
import dev.neanelu.simulator.catalog.MetafieldPermissions;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.Variant;
import dev.neanelu.simulator.shop.Shop;

/**
 * Looks objects up by global id for {@code node}, {@code nodes}, {@code product} and {@code
 * productVariant}. Products are indexed; children are found by scanning, which is fine for the
 * occasional direct lookup.
 */
final class Nodes {

  private Nodes() {}

  static GqlObject find(SimulatorContext context, Shop shop, String gid) {
    String type = Gid.type(gid);
    if (type == null) {
      throw new ApiError("Invalid global id '" + gid + "'", "argumentLiteralsIncompatible");
    }
    return switch (type) {
      case "Product" -> product(shop, gid);
      case "ProductVariant" -> variant(shop, gid);
      case "Metafield" -> metafield(shop, Gid.id(gid));
      case "MediaImage" -> media(shop, Gid.id(gid));
      case "BulkOperation" ->
          context.bulk().find(shop, Gid.id(gid)).map(BulkOperationObject::new).orElse(null);
      case "Shop" -> Gid.id(gid) == shop.id() ? new ShopObject(shop) : null;
      case "WebhookSubscription" ->
          shop.subscriptions().stream()
              .filter(s -> s.id() == Gid.id(gid))
              .findFirst()
              .map(WebhookSubscriptionObject::new)
              .orElse(null);
      default -> null;
    };
  }

  static GqlObject product(Shop shop, String gid) {
    if (!"Product".equals(Gid.type(gid))) {
      return null;
    }
    return shop.catalog()
        .get(Gid.id(gid))
        .map(p -> new ProductObject(p, shop.metafieldPermissions()))
        .orElse(null);
  }

  static GqlObject variant(Shop shop, String gid) {
    long id = Gid.id(gid);
    for (Product p : shop.catalog().all()) {
      for (Variant v : p.variants()) {
        if (v.id() == id) {
          return new VariantObject(v, p, shop.metafieldPermissions());
        }
      }
    }
    return null;
  }

  /** A metafield the app may not read answers null, as one that does not exist. */
  private static GqlObject metafield(Shop shop, long id) {
    MetafieldPermissions permissions = shop.metafieldPermissions();
    for (Product p : shop.catalog().all()) {
      for (Metafield m : permissions.visible("PRODUCT", p.metafields())) {
        if (m.id() == id) {
          return new MetafieldObject(m, "PRODUCT", p.gid());
        }
      }
      for (Variant v : p.variants()) {
        for (Metafield m : permissions.visible("PRODUCTVARIANT", v.metafields())) {
          if (m.id() == id) {
            return new MetafieldObject(m, "PRODUCTVARIANT", v.gid());
          }
        }
      }
    }
    return null;
  }

  private static GqlObject media(Shop shop, long id) {
    for (Product p : shop.catalog().all()) {
      for (MediaImage m : p.media()) {
        if (m.id() == id) {
          return new MediaImageObject(m);
        }
      }
    }
    return null;
  }
}
