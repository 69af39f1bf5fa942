package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.Gid;
import dev.neanelu.simulator.catalog.Metafield;
import dev.neanelu.simulator.catalog.MetafieldDefinition;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.ProductDraft;
import dev.neanelu.simulator.catalog.Variant;
import dev.neanelu.simulator.shop.Shop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code metafieldsSet}: at most 25 entries, all or nothing, on products and variants. */
final class MetafieldMutations {

  /** Shopify's cap on one metafieldsSet call. */
  static final int MAX_METAFIELDS_SET = 25;

  private final Shop shop;
  private final ProductMutations products;
  private final MetafieldWrites writes;
  private final java.time.Clock clock;

  MetafieldMutations(
      Shop shop, ProductMutations products, MetafieldWrites writes, java.time.Clock clock) {
    this.shop = shop;
    this.products = products;
    this.writes = writes;
    this.clock = clock;
  }

  Object metafieldsSet(Map<String, Object> args) {
    List<?> inputs = (List<?>) args.get("metafields");
    if (inputs.size() > MAX_METAFIELDS_SET) {
      return metafieldsPayload(
          null,
          List.of(
              metafieldError(
                  null,
                  List.of("metafields"),
                  "Exceeded the maximum metafields input limit of " + MAX_METAFIELDS_SET + ".",
                  "LESS_THAN_OR_EQUAL_TO")));
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
    boolean known =
        "Product".equals(type)
            ? shop.catalog().get(Gid.id(owner)).isPresent()
            : "ProductVariant".equals(type) && ownerOfVariant(Gid.id(owner)).isPresent();
    if (!known) {
      errors.add(
          metafieldError(
              index,
              List.of("metafields", String.valueOf(index), "ownerId"),
              "Owner does not exist.",
              "INVALID"));
    } else if (in.get("type") == null && definitionType(type, in) == null) {
      errors.add(
          metafieldError(
              index,
              List.of("metafields", String.valueOf(index), "type"),
              "Type can't be blank.",
              "BLANK"));
    }
    if (known && !writable(type, in)) {
      // Another app's reserved namespace: only its owner writes there.
      errors.add(
          metafieldError(
              index,
              List.of("metafields", String.valueOf(index), "namespace"),
              "ApiPermission metafields can only be created or updated by the app owner.",
              "APP_NOT_AUTHORIZED"));
    }
    String key = (String) in.get("key");
    if (key == null || key.length() < 2 || key.length() > 64) {
      errors.add(
          metafieldError(
              index,
              List.of("metafields", String.valueOf(index), "key"),
              "Key must be between 2 and 64 characters.",
              "INVALID"));
    }
  }

  private GqlObject writeMetafield(Map<?, ?> in) {
    String owner = (String) in.get("ownerId");
    String ownerType = Gid.type(owner);
    Map<String, Object> normalized = new java.util.LinkedHashMap<>();
    normalized.put("namespace", writes.namespace(in));
    normalized.put("key", in.get("key"));
    normalized.put("value", in.get("value"));
    normalized.put("type", in.get("type") != null ? in.get("type") : definitionType(ownerType, in));
    if ("Product".equals(ownerType)) {
      ProductDraft d = new ProductDraft(shop.catalog().get(Gid.id(owner)).orElseThrow());
      d.metafields = writes.upsert(d.metafields, List.of(normalized));
      Product saved = products.save(d, false);
      return new MetafieldObject(find(saved.metafields(), normalized), "PRODUCT", saved.gid());
    }
    long variantId = Gid.id(owner);
    ProductDraft d = new ProductDraft(ownerOfVariant(variantId).orElseThrow());
    Metafield result = null;
    for (int i = 0; i < d.variants.size(); i++) {
      Variant v = d.variants.get(i);
      if (v.id() == variantId) {
        List<Metafield> updated = writes.upsert(v.metafields(), List.of(normalized));
        d.variants.set(i, withMetafields(v, updated, clock.instant().getEpochSecond()));
        result = find(updated, normalized);
      }
    }
    products.save(d, false);
    return new MetafieldObject(result, "PRODUCTVARIANT", owner);
  }

  private String definitionType(String ownerGidType, Map<?, ?> in) {
    return shop.metafieldDefinitions()
        .find(ownerType(ownerGidType), writes.namespace(in), (String) in.get("key"))
        .map(MetafieldDefinition::type)
        .orElse(null);
  }

  private boolean writable(String ownerGidType, Map<?, ?> in) {
    return shop.metafieldPermissions()
        .writable(ownerType(ownerGidType), writes.namespace(in), (String) in.get("key"));
  }

  private static String ownerType(String ownerGidType) {
    return "Product".equals(ownerGidType) ? "PRODUCT" : "PRODUCTVARIANT";
  }

  private Optional<Product> ownerOfVariant(long variantId) {
    return shop.catalog().all().stream()
        .filter(p -> p.variants().stream().anyMatch(v -> v.id() == variantId))
        .findFirst();
  }

  private static Metafield find(List<Metafield> list, Map<?, ?> in) {
    return list.stream()
        .filter(m -> m.namespace().equals(in.get("namespace")) && m.key().equals(in.get("key")))
        .findFirst()
        .orElseThrow();
  }

  private static MapObject metafieldError(
      Integer index, List<String> field, String message, String code) {
    return MapObject.of(
        "MetafieldsSetUserError",
        "field",
        field,
        "message",
        message,
        "code",
        code,
        "elementIndex",
        index);
  }

  private static MapObject metafieldsPayload(List<GqlObject> metafields, List<GqlObject> errors) {
    return MapObject.of("MetafieldsSetPayload", "metafields", metafields, "userErrors", errors);
  }

  private static Variant withMetafields(Variant v, List<Metafield> metafields, long now) {
    return new Variant(
        v.id(),
        v.title(),
        v.sku(),
        v.price(),
        v.compareAtPrice(),
        v.barcode(),
        v.position(),
        v.inventoryQuantity(),
        v.taxable(),
        v.inventoryPolicy(),
        v.optionValues(),
        v.createdAt(),
        now,
        metafields);
  }
}
