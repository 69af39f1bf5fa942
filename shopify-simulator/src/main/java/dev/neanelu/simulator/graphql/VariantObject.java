package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.Metafield;
import dev.neanelu.simulator.catalog.MetafieldPermissions;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ProductVariant}, with its owning product reachable as {@code product}. Metafields are
 * those the reading app may see ({@link MetafieldPermissions}).
 */
public record VariantObject(Variant variant, Product product, MetafieldPermissions permissions)
    implements GqlObject {

  @Override
  public String typeName() {
    return "ProductVariant";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    Variant v = variant;
    return switch (field) {
      case "id" -> v.gid();
      case "legacyResourceId" -> v.id();
      case "title" -> v.title();
      case "displayName" -> product.title() + " - " + v.title();
      case "sku" -> v.sku();
      case "price" -> v.price();
      case "compareAtPrice" -> v.compareAtPrice();
      case "barcode" -> v.barcode();
      case "position" -> v.position();
      case "inventoryQuantity", "sellableOnlineQuantity" -> v.inventoryQuantity();
      case "inventoryPolicy" -> v.inventoryPolicy();
      case "taxable" -> v.taxable();
      case "availableForSale" ->
          v.inventoryQuantity() > 0 || "CONTINUE".equals(v.inventoryPolicy());
      case "requiresComponents", "showUnitPrice" -> false;
      case "createdAt" -> Instant.ofEpochSecond(v.createdAt());
      case "updatedAt" -> Instant.ofEpochSecond(v.updatedAt());
      case "selectedOptions" -> selectedOptions();
      case "product" -> new ProductObject(product, permissions);
      case "metafields" ->
          MetafieldObject.connection(metafields(), args, "PRODUCTVARIANT", v.gid());
      case "metafield" -> MetafieldObject.find(metafields(), args, "PRODUCTVARIANT", v.gid());
      case "defaultCursor" ->
          Connections.encode(new dev.neanelu.simulator.catalog.SortPosition(v.id(), v.id()));
      default -> null;
    };
  }

  private List<Metafield> metafields() {
    return permissions.visible("PRODUCTVARIANT", variant.metafields());
  }

  private List<GqlObject> selectedOptions() {
    List<GqlObject> out = new ArrayList<>();
    for (int i = 0; i < variant.optionValues().size() && i < product.optionNames().size(); i++) {
      String value = variant.optionValues().get(i);
      out.add(
          MapObject.of(
              "SelectedOption",
              "name",
              product.optionNames().get(i),
              "value",
              value,
              "optionValue",
              MapObject.of(
                  "ProductOptionValue",
                  "name",
                  value,
                  "hasVariants",
                  true,
                  "id",
                  "gid://shopify/ProductOptionValue/"
                      + Math.abs((product.id() * 31 + i) * 31 + value.hashCode()))));
    }
    return out;
  }
}
