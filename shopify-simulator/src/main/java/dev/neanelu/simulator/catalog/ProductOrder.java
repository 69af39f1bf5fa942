package dev.neanelu.simulator.catalog;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The product sort keys the simulator honours ({@code ProductSortKeys}); others fall back to {@link
 * #ID}.
 */
public enum ProductOrder {
  ID(p -> p.id()),
  UPDATED_AT(p -> p.updatedAt()),
  CREATED_AT(p -> p.createdAt()),
  TITLE(p -> p.title().toLowerCase(Locale.ROOT)),
  VENDOR(p -> p.vendor().toLowerCase(Locale.ROOT)),
  PRODUCT_TYPE(p -> p.productType().toLowerCase(Locale.ROOT)),
  INVENTORY_TOTAL(p -> (long) p.variants().stream().mapToInt(Variant::inventoryQuantity).sum());

  private final Function<Product, Comparable<?>> key;

  ProductOrder(Function<Product, Comparable<?>> key) {
    this.key = key;
  }

  public static ProductOrder of(Object sortKey) {
    if (sortKey == null) {
      return ID;
    }
    for (ProductOrder order : values()) {
      if (order.name().equals(sortKey.toString())) {
        return order;
      }
    }
    return ID;
  }

  /**
   * Position of a product in this order: the sort value, ties broken by id as Shopify's cursors do.
   */
  public SortPosition position(Product p) {
    return new SortPosition(key.apply(p), p.id());
  }

  public Comparator<Product> comparator() {
    return Comparator.comparing(this::position);
  }

  /**
   * Whether the sort value is numeric, which decides how a cursor's {@code last_value} is read
   * back.
   */
  public boolean numeric() {
    return this != TITLE && this != VENDOR && this != PRODUCT_TYPE;
  }
}
