package dev.neanelu.simulator.shop;

import java.util.List;

/**
 * A webhook subscription: the topic in enum form ({@code PRODUCTS_UPDATE}) and where deliveries go.
 */
public record WebhookSubscription(
    long id,
    String topic,
    String uri,
    String format,
    List<String> includeFields,
    String name,
    long createdAt) {

  /**
   * The topic as carried in {@code X-Shopify-Topic}: {@code PRODUCTS_UPDATE} becomes {@code
   * products/update}.
   */
  public static String headerTopic(String enumTopic) {
    String lower = enumTopic.toLowerCase(java.util.Locale.ROOT);
    for (String prefix :
        new String[] {
          "bulk_operations_", "app_", "products_", "customers_", "shop_", "inventory_levels_"
        }) {
      if (lower.startsWith(prefix)) {
        return prefix.substring(0, prefix.length() - 1) + "/" + lower.substring(prefix.length());
      }
    }
    int last = lower.lastIndexOf('_');
    return last < 0 ? lower : lower.substring(0, last) + "/" + lower.substring(last + 1);
  }

  /**
   * The reverse of {@link #headerTopic}: {@code products/update} becomes {@code PRODUCTS_UPDATE}.
   */
  public static String enumTopic(String headerTopic) {
    return headerTopic.replace('/', '_').toUpperCase(java.util.Locale.ROOT);
  }
}
