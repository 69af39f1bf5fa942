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
 * Product writes: productSet (list fields replace, others update only when present), productCreate, productUpdate,
 * productDelete and metafieldsSet. Every change stamps {@code updatedAt} and fires products/create, update or delete.
 */
final class ProductMutations {

  /** Shopify's cap on one metafieldsSet call. */
  static final int MAX_METAFIELDS_SET = 25;

  private final SimulatorContext context;
  private final Shop shop;

  ProductMutations(SimulatorContext context, Shop shop) {
    this.context = context;
    this.shop = shop;
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
        return setPayload(null, List.of("identifier", "id"), "Product does not exist", "PRODUCT_DOES_NOT_EXIST");
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
      d.metafields = upsertMetafields(List.of(), metafields);
    }
    Product saved = save(d, existing.isEmpty());
    return MapObject.of("ProductSetPayload", "product", new ProductObject(saved), "productSetOperation", null,
        "userErrors", List.of());
  }

  Object productCreate(Map<String, Object> args) {
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) args.get("product");
    if (input == null || input.get("title") == null) {
      return MapObject.of("ProductCreatePayload", "product", null, "shop", new ShopObject(shop), "userErrors",
          List.of(MapObject.userError("UserError", List.of("title"), "Title can't be blank", null)));
    }
    ProductDraft d = newDraft();
    applyScalars(d, input);
    d.optionNames = new ArrayList<>(List.of("Title"));
    d.variants = new ArrayList<>(List.of(new Variant(catalog().newId(), "Default Title", null, "0.00", null, null,
        1, 0, true, "DENY", List.of("Default Title"), d.createdAt, d.updatedAt, List.of())));
    if (input.get("metafields") instanceof List<?> metafields) {
      d.metafields = upsertMetafields(List.of(), metafields);
    }
    Product saved = save(d, true);
    return MapObject.of("ProductCreatePayload", "product", new ProductObject(saved), "shop", new ShopObject(shop),
        "userErrors", List.of());
  }

  Object productUpdate(Map<String, Object> args) {
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) args.get("product");
    @SuppressWarnings("unchecked")
    Map<String, Object> identifier = (Map<String, Object>) args.get("identifier");
    String id = input != null && input.get("id") != null ? (String) input.get("id")
        : identifier != null ? (String) identifier.get("id") : null;
    Optional<Product> existing = id != null ? catalog().get(Gid.id(id))
        : identifier != null && identifier.get("handle") != null
            ? catalog().byHandle((String) identifier.get("handle")) : Optional.empty();
    if (existing.isEmpty()) {
      return MapObject.of("ProductUpdatePayload", "product", null, "userErrors",
          List.of(MapObject.userError("UserError", List.of("id"), "Product does not exist", null)));
    }
    ProductDraft d = new ProductDraft(existing.get());
    applyScalars(d, input);
    if (input.get("metafields") instanceof List<?> metafields) {
      d.metafields = upsertMetafields(d.metafields, metafields);
    }
    Product saved = save(d, false);
    return MapObject.of("ProductUpdatePayload", "product", new ProductObject(saved), "userErrors", List.of());
  }

  Object productDelete(Map<String, Object> args) {
    String id = (String) ((Map<?, ?>) args.get("input")).get("id");
    Optional<Product> removed = catalog().remove(Gid.id(id));
    removed.ifPresent(p -> context.webhooks().fire(shop, "PRODUCTS_DELETE", RestPayloads.productDeleted(p.id())));
    return MapObject.of("ProductDeletePayload", "deletedProductId", removed.map(Product::gid).orElse(null),
        "productDeleteOperation", null, "shop", new ShopObject(shop), "userErrors", removed.isPresent() ? List.of()
            : List.of(MapObject.userError("UserError", List.of("id"), "Product does not exist", null)));
  }

  Object metafieldsSet(Map<String, Object> args) {
    List<?> inputs = (List<?>) args.get("metafields");
    if (inputs.size() > MAX_METAFIELDS_SET) {
      return metafieldsPayload(null, List.of(metafieldError(null, List.of("metafields"),
          "Exceeded the maximum metafields input limit of " + MAX_METAFIELDS_SET + ".", "LESS_THAN_OR_EQUAL_TO")));
    }
    List<GqlObject> errors = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      validateMetafield((Map<?, ?>) inputs.get(i), i, errors);
    }
    if (!errors.isEmpty()) {
      // metafieldsSet is atomic: one bad entry and nothing is written.
      return metafieldsPayload(null, errors);
    }
    List<GqlObject> written = new ArrayList<>();
    for (Object o : inputs) {
      written.add(writeMetafield((Map<?, ?>) o));
    }
    return metafieldsPayload(written, List.of());
  }

  private void validateMetafield(Map<?, ?> in, int index, List<GqlObject> errors) {
    String owner = (String) in.get("ownerId");
    String type = Gid.type(owner);
    boolean known = "Product".equals(type) ? catalog().get(Gid.id(owner)).isPresent()
        : "ProductVariant".equals(type) && ownerOfVariant(Gid.id(owner)).isPresent();
    if (!known) {
      errors.add(metafieldError(index, List.of("metafields", String.valueOf(index), "ownerId"),
          "Owner does not exist.", "INVALID"));
    } else if (in.get("type") == null && definitionType(type, in) == null) {
      errors.add(metafieldError(index, List.of("metafields", String.valueOf(index), "type"),
          "Type can't be blank.", "BLANK"));
    }
    String key = (String) in.get("key");
    if (key == null || key.length() < 2 || key.length() > 64) {
      errors.add(metafieldError(index, List.of("metafields", String.valueOf(index), "key"),
          "Key must be between 2 and 64 characters.", "INVALID"));
    }
  }

  private GqlObject writeMetafield(Map<?, ?> in) {
    String owner = (String) in.get("ownerId");
    String ownerType = Gid.type(owner);
    Map<String, Object> normalized = new java.util.LinkedHashMap<>();
    normalized.put("namespace", namespace(in));
    normalized.put("key", in.get("key"));
    normalized.put("value", in.get("value"));
    normalized.put("type", in.get("type") != null ? in.get("type") : definitionType(ownerType, in));
    if ("Product".equals(ownerType)) {
      ProductDraft d = new ProductDraft(catalog().get(Gid.id(owner)).orElseThrow());
      d.metafields = upsertMetafields(d.metafields, List.of(normalized));
      Product saved = save(d, false);
      return new MetafieldObject(find(saved.metafields(), normalized), "PRODUCT", saved.gid());
    }
    long variantId = Gid.id(owner);
    ProductDraft d = new ProductDraft(ownerOfVariant(variantId).orElseThrow());
    Metafield result = null;
    for (int i = 0; i < d.variants.size(); i++) {
      Variant v = d.variants.get(i);
      if (v.id() == variantId) {
        List<Metafield> updated = upsertMetafields(v.metafields(), List.of(normalized));
        d.variants.set(i, withMetafields(v, updated, now()));
        result = find(updated, normalized);
      }
    }
    save(d, false);
    return new MetafieldObject(result, "PRODUCTVARIANT", owner);
  }

  private String definitionType(String ownerGidType, Map<?, ?> in) {
    String ownerType = "Product".equals(ownerGidType) ? "PRODUCT" : "PRODUCTVARIANT";
    Map<String, Object> def = shop.metafieldDefinitions().get(ownerType + "/" + namespace(in) + "/" + in.get("key"));
    return def == null ? null : (String) def.get("type");
  }

  /** Omitted namespaces land in the app-reserved one, {@code app--{client id}}. */
  private String namespace(Map<?, ?> in) {
    Object ns = in.get("namespace");
    if (ns == null || "$app".equals(ns)) {
      return "app--" + shop.app().clientId();
    }
    String s = (String) ns;
    return s.startsWith("$app:") ? "app--" + shop.app().clientId() + "--" + s.substring(5) : s;
  }

  private Optional<Product> ownerOfVariant(long variantId) {
    return catalog().all().stream()
        .filter(p -> p.variants().stream().anyMatch(v -> v.id() == variantId))
        .findFirst();
  }

  private static Metafield find(List<Metafield> list, Map<?, ?> in) {
    return list.stream()
        .filter(m -> m.namespace().equals(in.get("namespace")) && m.key().equals(in.get("key")))
        .findFirst()
        .orElseThrow();
  }

  private static MapObject metafieldError(Integer index, List<String> field, String message, String code) {
    return MapObject.of("MetafieldsSetUserError", "field", field, "message", message, "code", code,
        "elementIndex", index);
  }

  private static MapObject metafieldsPayload(List<GqlObject> metafields, List<GqlObject> errors) {
    return MapObject.of("MetafieldsSetPayload", "metafields", metafields, "userErrors", errors);
  }

  private static MapObject setPayload(Product p, List<String> field, String message, String code) {
    return MapObject.of("ProductSetPayload", "product", p == null ? null : new ProductObject(p),
        "productSetOperation", null,
        "userErrors", List.of(MapObject.userError("ProductSetUserError", field, message, code)));
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
      d.handle = d.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
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
      Optional<Variant> old = in.get("id") == null ? Optional.empty()
          : d.variants.stream().filter(v -> v.id() == Gid.id((String) in.get("id"))).findFirst();
      List<String> values = new ArrayList<>();
      if (in.get("optionValues") instanceof List<?> optionValues) {
        optionValues.forEach(ov -> values.add(String.valueOf(((Map<?, ?>) ov).get("name"))));
      }
      List<Metafield> metafields = in.get("metafields") instanceof List<?> m
          ? upsertMetafields(old.map(Variant::metafields).orElse(List.of()), m)
          : old.map(Variant::metafields).orElse(List.of());
      out.add(new Variant(
          old.map(Variant::id).orElseGet(catalog()::newId),
          values.isEmpty() ? "Default Title" : String.join(" / ", values),
          (String) pick(in, "sku", old.map(Variant::sku).orElse(null)),
          String.valueOf(pick(in, "price", old.map(Variant::price).orElse("0.00"))),
          (String) pick(in, "compareAtPrice", old.map(Variant::compareAtPrice).orElse(null)),
          (String) pick(in, "barcode", old.map(Variant::barcode).orElse(null)),
          in.get("position") instanceof Number n ? n.intValue() : position,
          old.map(Variant::inventoryQuantity).orElse(0),
          (Boolean) pick(in, "taxable", old.map(Variant::taxable).orElse(true)),
          String.valueOf(pick(in, "inventoryPolicy", old.map(Variant::inventoryPolicy).orElse("DENY"))),
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

  /** Sets metafields by (namespace, key) or id, keeping ids of existing ones. */
  private List<Metafield> upsertMetafields(List<Metafield> current, List<?> inputs) {
    List<Metafield> out = new ArrayList<>(current);
    long now = now();
    for (Object o : inputs) {
      Map<?, ?> in = (Map<?, ?>) o;
      String namespace = in.get("namespace") == null ? null : namespace(in);
      String key = (String) in.get("key");
      int index = -1;
      for (int i = 0; i < out.size(); i++) {
        Metafield m = out.get(i);
        boolean byId = in.get("id") != null && m.id() == Gid.id((String) in.get("id"));
        if (byId || (m.key().equals(key) && m.namespace().equals(namespace))) {
          index = i;
        }
      }
      String value = String.valueOf(in.get("value"));
      if (index >= 0) {
        Metafield m = out.get(index);
        out.set(index, m.withValue(in.get("type") != null ? (String) in.get("type") : m.type(), value, now));
      } else {
        out.add(new Metafield(catalog().newId(), namespace == null ? "custom" : namespace, key,
            in.get("type") != null ? (String) in.get("type") : "single_line_text_field", value, now, now));
      }
    }
    return out;
  }

  private static Variant withMetafields(Variant v, List<Metafield> metafields, long now) {
    return new Variant(v.id(), v.title(), v.sku(), v.price(), v.compareAtPrice(), v.barcode(), v.position(),
        v.inventoryQuantity(), v.taxable(), v.inventoryPolicy(), v.optionValues(), v.createdAt(), now, metafields);
  }

  private Product save(ProductDraft d, boolean created) {
    d.updatedAt = Math.max(now(), d.createdAt);
    Product p = d.build();
    catalog().put(p);
    context.webhooks().fire(shop, created ? "PRODUCTS_CREATE" : "PRODUCTS_UPDATE", RestPayloads.product(p));
    return p;
  }
}
