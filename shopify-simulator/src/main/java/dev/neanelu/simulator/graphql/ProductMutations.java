package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.catalog.Catalog;
import dev.neanelu.simulator.catalog.Gid;
import dev.neanelu.simulator.catalog.Metafield;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.ProductDraft;
import dev.neanelu.simulator.catalog.Variant;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.webhook.RestPayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Product writes: productSet (list fields replace, others update only when present), productCreate,
 * productUpdate and productDelete. Every change stamps {@code updatedAt} and fires products/create,
 * update or delete.
 */
final class ProductMutations {

  private final SimulatorContext context;
  private final Shop shop;
  private final MetafieldWrites metafieldWrites;

  ProductMutations(SimulatorContext context, Shop shop) {
    this.context = context;
    this.shop = shop;
    this.metafieldWrites = new MetafieldWrites(shop, context.clock());
  }

  private Catalog catalog() {
    return shop.catalog();
  }

  private long now() {
    return context.clock().instant().getEpochSecond();
  }

  Object productSet(Map<String, Object> args) {
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) args.get("input");
    @SuppressWarnings("unchecked")
    Map<String, Object> identifier = (Map<String, Object>) args.get("identifier");
    Optional<Product> existing = Optional.empty();
    if (identifier != null && identifier.get("id") != null) {
      existing = catalog().get(Gid.id((String) identifier.get("id")));
      if (existing.isEmpty()) {
        return setPayload(
            null, List.of("identifier", "id"), "Product does not exist", "PRODUCT_DOES_NOT_EXIST");
      }
    } else if (identifier != null && identifier.get("handle") != null) {
      existing = catalog().byHandle((String) identifier.get("handle"));
    }
    if (existing.isEmpty() && input.get("title") == null) {
      return setPayload(null, List.of("input", "title"), "Title can't be blank", "INVALID_PRODUCT");
    }
    ProductDraft d = existing.map(ProductDraft::new).orElseGet(this::newDraft);
    if (existing.isEmpty() && identifier != null && identifier.get("handle") != null) {
      d.handle = (String) identifier.get("handle");
    }
    applyScalars(d, input);
    if (input.get("productOptions") instanceof List<?> options) {
      d.optionNames = new ArrayList<>();
      options.forEach(o -> d.optionNames.add(String.valueOf(((Map<?, ?>) o).get("name"))));
    }
    if (input.get("variants") instanceof List<?> variants) {
      d.variants = variants(d, variants);
    }
    if (input.get("metafields") instanceof List<?> metafields) {
      List<Metafield> kept = shop.metafieldPermissions().hidden("PRODUCT", d.metafields);
      d.metafields = metafieldWrites.upsert(kept, metafields);
    }
    Product saved = save(d, existing.isEmpty());
    return MapObject.of(
        "ProductSetPayload",
        "product",
        new ProductObject(saved, shop.metafieldPermissions()),
        "productSetOperation",
        null,
        "userErrors",
        List.of());
  }

  Object productCreate(Map<String, Object> args) {
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) args.get("product");
    if (input == null || input.get("title") == null) {
      return MapObject.of(
          "ProductCreatePayload",
          "product",
          null,
          "shop",
          new ShopObject(shop),
          "userErrors",
          List.of(
              MapObject.userError("UserError", List.of("title"), "Title can't be blank", null)));
    }
    ProductDraft d = newDraft();
    applyScalars(d, input);
    d.optionNames = new ArrayList<>(List.of("Title"));
    d.variants =
        new ArrayList<>(
            List.of(
                new Variant(
                    catalog().newId(),
                    "Default Title",
                    null,
                    "0.00",
                    null,
                    null,
                    1,
                    0,
                    true,
                    "DENY",
                    List.of("Default Title"),
                    d.createdAt,
                    d.updatedAt,
                    List.of())));
    if (input.get("metafields") instanceof List<?> metafields) {
      d.metafields = metafieldWrites.upsert(List.of(), metafields);
    }
    Product saved = save(d, true);
    return MapObject.of(
        "ProductCreatePayload",
        "product",
        new ProductObject(saved, shop.metafieldPermissions()),
        "shop",
        new ShopObject(shop),
        "userErrors",
        List.of());
  }

  Object productUpdate(Map<String, Object> args) {
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) args.get("product");
    @SuppressWarnings("unchecked")
    Map<String, Object> identifier = (Map<String, Object>) args.get("identifier");
    String id =
        input != null && input.get("id") != null
            ? (String) input.get("id")
            : identifier != null ? (String) identifier.get("id") : null;
    Optional<Product> existing =
        id != null
            ? catalog().get(Gid.id(id))
            : identifier != null && identifier.get("handle") != null
                ? catalog().byHandle((String) identifier.get("handle"))
                : Optional.empty();
    if (existing.isEmpty()) {
      return MapObject.of(
          "ProductUpdatePayload",
          "product",
          null,
          "userErrors",
          List.of(MapObject.userError("UserError", List.of("id"), "Product does not exist", null)));
    }
    ProductDraft d = new ProductDraft(existing.get());
    applyScalars(d, input);
    if (input.get("metafields") instanceof List<?> metafields) {
      d.metafields = metafieldWrites.upsert(d.metafields, metafields);
    }
    Product saved = save(d, false);
    return MapObject.of(
        "ProductUpdatePayload",
        "product",
        new ProductObject(saved, shop.metafieldPermissions()),
        "userErrors",
        List.of());
  }

  Object productDelete(Map<String, Object> args) {
    String id = (String) ((Map<?, ?>) args.get("input")).get("id");
    Optional<Product> removed = catalog().remove(Gid.id(id));
    removed.ifPresent(
        p -> context.webhooks().fire(shop, "PRODUCTS_DELETE", RestPayloads.productDeleted(p.id())));
    return MapObject.of(
        "ProductDeletePayload",
        "deletedProductId",
        removed.map(Product::gid).orElse(null),
        "productDeleteOperation",
        null,
        "shop",
        new ShopObject(shop),
        "userErrors",
        removed.isPresent()
            ? List.of()
            : List.of(
                MapObject.userError("UserError", List.of("id"), "Product does not exist", null)));
  }

  private MapObject setPayload(Product p, List<String> field, String message, String code) {
    return MapObject.of(
        "ProductSetPayload",
        "product",
        p == null ? null : new ProductObject(p, shop.metafieldPermissions()),
        "productSetOperation",
        null,
        "userErrors",
        List.of(MapObject.userError("ProductSetUserError", field, message, code)));
  }

  private ProductDraft newDraft() {
    ProductDraft d = new ProductDraft();
    d.id = catalog().newId();
    d.createdAt = now();
    d.updatedAt = d.createdAt;
    d.status = "ACTIVE";
    return d;
  }

  @SuppressWarnings("unchecked")
  private void applyScalars(ProductDraft d, Map<String, Object> in) {
    if (in.get("title") != null) {
      d.title = (String) in.get("title");
    }
    if (in.get("handle") != null) {
      d.handle = (String) in.get("handle");
    }
    if (in.get("descriptionHtml") != null) {
      d.descriptionHtml = (String) in.get("descriptionHtml");
    }
    if (in.get("vendor") != null) {
      d.vendor = (String) in.get("vendor");
    }
    if (in.get("productType") != null) {
      d.productType = (String) in.get("productType");
    }
    if (in.get("status") != null) {
      d.status = String.valueOf(in.get("status"));
    }
    if (in.get("tags") instanceof List<?> tags) {
      d.tags = new ArrayList<>((List<String>) tags);
    }
    if (d.handle == null || d.handle.isEmpty()) {
      d.handle =
          d.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
      if (catalog().byHandle(d.handle).filter(p -> p.id() != d.id).isPresent()) {
        d.handle = d.handle + "-" + d.id;
      }
    }
  }

  private List<Variant> variants(ProductDraft d, List<?> inputs) {
    List<Variant> out = new ArrayList<>();
    long now = now();
    int position = 1;
    for (Object o : inputs) {
      Map<?, ?> in = (Map<?, ?>) o;
      Optional<Variant> old =
          in.get("id") == null
              ? Optional.empty()
              : d.variants.stream()
                  .filter(v -> v.id() == Gid.id((String) in.get("id")))
                  .findFirst();
      List<String> values = new ArrayList<>();
      if (in.get("optionValues") instanceof List<?> optionValues) {
        optionValues.forEach(ov -> values.add(String.valueOf(((Map<?, ?>) ov).get("name"))));
      }
      List<Metafield> metafields =
          in.get("metafields") instanceof List<?> m
              ? metafieldWrites.upsert(old.map(Variant::metafields).orElse(List.of()), m)
              : old.map(Variant::metafields).orElse(List.of());
      out.add(
          new Variant(
              old.map(Variant::id).orElseGet(catalog()::newId),
              values.isEmpty() ? "Default Title" : String.join(" / ", values),
              (String) pick(in, "sku", old.map(Variant::sku).orElse(null)),
              String.valueOf(pick(in, "price", old.map(Variant::price).orElse("0.00"))),
              (String) pick(in, "compareAtPrice", old.map(Variant::compareAtPrice).orElse(null)),
              (String) pick(in, "barcode", old.map(Variant::barcode).orElse(null)),
              in.get("position") instanceof Number n ? n.intValue() : position,
              old.map(Variant::inventoryQuantity).orElse(0),
              (Boolean) pick(in, "taxable", old.map(Variant::taxable).orElse(true)),
              String.valueOf(
                  pick(in, "inventoryPolicy", old.map(Variant::inventoryPolicy).orElse("DENY"))),
              values.isEmpty() ? List.of("Default Title") : values,
              old.map(Variant::createdAt).orElse(now),
              now,
              metafields));
      position++;
    }
    return out;
  }

  private static Object pick(Map<?, ?> in, String key, Object fallback) {
    return in.containsKey(key) ? in.get(key) : fallback;
  }

  Product save(ProductDraft d, boolean created) {
    d.updatedAt = Math.max(now(), d.createdAt);
    Product p = d.build();
    catalog().put(p);
    context
        .webhooks()
        .fire(shop, created ? "PRODUCTS_CREATE" : "PRODUCTS_UPDATE", RestPayloads.product(p));
    return p;
  }
}
