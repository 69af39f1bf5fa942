package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.shop.Plan;
import dev.neanelu.simulator.shop.Shop;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code Shop}: identity, plan and the settings a catalog sync reads. */
public record ShopObject(Shop shop) implements GqlObject {

  private static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

  @Override
  public String typeName() {
    return "Shop";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    return switch (field) {
      case "id" -> "gid://shopify/Shop/" + shop.id();
      case "name" -> shop.name();
      case "myshopifyDomain" -> shop.domain();
      case "email", "contactEmail" -> "owner@" + shop.domain();
      case "currencyCode" -> "USD";
      case "enabledPresentmentCurrencies" -> List.of("USD");
      case "ianaTimezone" -> "UTC";
      case "timezoneAbbreviation" -> "UTC";
      case "timezoneOffset" -> "+0000";
      case "timezoneOffsetMinutes" -> 0;
      case "weightUnit" -> "KILOGRAMS";
      case "unitSystem" -> "METRIC_SYSTEM";
      case "taxesIncluded", "taxShipping", "setupRequired", "checkoutApiSupported" -> false;
      case "url" -> "https://" + shop.domain();
      case "primaryDomain" ->
          MapObject.of(
              "Domain",
              "id",
              "gid://shopify/Domain/" + shop.id(),
              "host",
              shop.domain(),
              "url",
              "https://" + shop.domain(),
              "sslEnabled",
              true);
      case "plan" ->
          MapObject.of(
              "ShopPlan",
              "displayName",
              display(shop.plan()),
              "publicDisplayName",
              display(shop.plan()),
              "partnerDevelopment",
              false,
              "shopifyPlus",
              shop.plan() == Plan.PLUS || shop.plan() == Plan.ENTERPRISE);
      case "createdAt", "updatedAt" -> CREATED;
      case "metafields" ->
          MetafieldObject.connection(List.of(), args, "SHOP", "gid://shopify/Shop/" + shop.id());
      default -> null;
    };
  }

  private static String display(Plan plan) {
    return switch (plan) {
      case STANDARD -> "Basic";
      case ADVANCED -> "Advanced";
      case PLUS -> "Shopify Plus";
      case ENTERPRISE -> "Commerce Components";
    };
  }
}
