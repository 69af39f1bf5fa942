package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.MediaImage;
import dev.neanelu.simulator.catalog.MetafieldPermissions;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code Product}: the fields a catalog sync reads, plus the non-null ones a client may select in
 * passing. Metafields are those the reading app may see ({@link MetafieldPermissions}).
 */
public record ProductObject(Product product, MetafieldPermissions permissions)
    implements GqlObject {

  @Override
  public String typeName() {
    return "Product";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    Product p = product;
    return switch (field) {
      case "id" -> p.gid();
      case "legacyResourceId" -> p.id();
      case "title" -> p.title();
      case "handle" -> p.handle();
      case "status" -> p.status();
      case "vendor" -> p.vendor();
      case "productType" -> p.productType();
      case "tags" -> p.tags();
      case "descriptionHtml", "bodyHtml" -> p.descriptionHtml();
      case "description" -> description(args);
      case "createdAt" -> Instant.ofEpochSecond(p.createdAt());
      case "updatedAt" -> Instant.ofEpochSecond(p.updatedAt());
      case "publishedAt" ->
          "ACTIVE".equals(p.status()) ? Instant.ofEpochSecond(p.createdAt()) : null;
      case "variants" ->
          Connections.ofList(
              p.variants(), args, Variant::id, v -> new VariantObject(v, p, permissions));
      case "variantsCount" -> count(p.variants().size());
      case "totalVariants" -> p.variants().size();
      case "metafields" -> MetafieldObject.connection(metafields(), args, "PRODUCT", p.gid());
      case "metafield" -> MetafieldObject.find(metafields(), args, "PRODUCT", p.gid());
      case "media" -> Connections.ofList(p.media(), args, MediaImage::id, MediaImageObject::new);
      case "mediaCount" -> count(p.media().size());
      case "featuredMedia" -> p.media().isEmpty() ? null : new MediaImageObject(p.media().get(0));
      case "options" -> options(args);
      case "totalInventory" -> p.variants().stream().mapToInt(Variant::inventoryQuantity).sum();
      case "tracksInventory" -> true;
      case "hasOnlyDefaultVariant" -> p.variants().size() == 1;
      case "hasOutOfStockVariants" ->
          p.variants().stream().anyMatch(v -> v.inventoryQuantity() <= 0);
      case "hasVariantsThatRequiresComponents", "isGiftCard", "requiresSellingPlan" -> false;
      case "priceRangeV2", "priceRange" -> priceRange();
      case "seo" -> MapObject.of("SEO", "title", null, "description", null);
      case "defaultCursor" ->
          Connections.encode(new dev.neanelu.simulator.catalog.SortPosition(p.id(), p.id()));
      case "onlineStoreUrl" ->
          "ACTIVE".equals(p.status()) ? "https://example.com/products/" + p.handle() : null;
      default -> null;
    };
  }

  private List<dev.neanelu.simulator.catalog.Metafield> metafields() {
    return permissions.visible("PRODUCT", product.metafields());
  }

  static MapObject count(int n) {
    return MapObject.of("Count", "count", n, "precision", "EXACT");
  }

  private String description(Map<String, Object> args) {
    String plain = product.descriptionHtml().replaceAll("<[^>]*>", "").trim();
    Object truncateAt = args.get("truncateAt");
    if (truncateAt instanceof Number n && plain.length() > n.intValue()) {
      return plain.substring(0, n.intValue()) + "...";
    }
    return plain;
  }

  private List<GqlObject> options(Map<String, Object> args) {
    List<GqlObject> out = new ArrayList<>();
    List<String> names = product.optionNames();
    for (int i = 0; i < names.size(); i++) {
      LinkedHashSet<String> values = new LinkedHashSet<>();
      for (Variant v : product.variants()) {
        if (v.optionValues().size() > i) {
          values.add(v.optionValues().get(i));
        }
      }
      List<GqlObject> optionValues = new ArrayList<>();
      for (String value : values) {
        optionValues.add(
            MapObject.of(
                "ProductOptionValue",
                "id",
                optionValueId(i, value),
                "name",
                value,
                "hasVariants",
                true));
      }
      out.add(
          MapObject.of(
              "ProductOption",
              "id",
              "gid://shopify/ProductOption/" + (product.id() * 10 + i),
              "name",
              names.get(i),
              "position",
              i + 1,
              "values",
              List.copyOf(values),
              "optionValues",
              optionValues));
    }
    Object first = args.get("first");
    return first instanceof Number n ? out.subList(0, Math.min(out.size(), n.intValue())) : out;
  }

  private String optionValueId(int option, String value) {
    return "gid://shopify/ProductOptionValue/"
        + Math.abs((product.id() * 31 + option) * 31 + value.hashCode());
  }

  private MapObject priceRange() {
    Comparator<Variant> byPrice = Comparator.comparing(v -> new java.math.BigDecimal(v.price()));
    String min = product.variants().stream().min(byPrice).map(Variant::price).orElse("0.0");
    String max = product.variants().stream().max(byPrice).map(Variant::price).orElse("0.0");
    return MapObject.of(
        "ProductPriceRangeV2",
        "minVariantPrice",
        MapObject.of("MoneyV2", "amount", min, "currencyCode", "USD"),
        "maxVariantPrice",
        MapObject.of("MoneyV2", "amount", max, "currencyCode", "USD"));
  }
}
