package dev.neanelu.simulator.shop;

import java.util.Locale;

/**
 * Shopify plan presets for the GraphQL Admin API cost bucket. Restore rates are Shopify's published
 * ones; the bucket size is not published, so it defaults to 20 times the restore rate, the ratio
 * observed on real shops.
 */
public enum Plan {
  STANDARD(100),
  ADVANCED(200),
  PLUS(1000),
  ENTERPRISE(2000);

  private final double restoreRate;

  Plan(double restoreRate) {
    this.restoreRate = restoreRate;
  }

  public double restoreRate() {
    return restoreRate;
  }

  public double bucketSize() {
    return restoreRate * 20;
  }

  public static Plan of(String name) {
    return name == null ? STANDARD : valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
