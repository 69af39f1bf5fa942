package dev.neanelu.simulator.catalog;

import java.util.List;

/**
 * A product variant. {@code optionValues} line up with the owning product's {@code optionNames};
 * prices are decimal strings as Shopify's {@code Money} scalar carries them.
 */
public record Variant(
    long id,
    String title,
    String sku,
    String price,
    String compareAtPrice,
    String barcode,
    int position,
    int inventoryQuantity,
    boolean taxable,
    String inventoryPolicy,
    List<String> optionValues,
    long createdAt,
    long updatedAt,
    List<Metafield> metafields) {

  public String gid() {
    return Gid.of("ProductVariant", id);
  }
}
