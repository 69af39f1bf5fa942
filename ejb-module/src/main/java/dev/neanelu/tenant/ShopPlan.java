package dev.neanelu.tenant;

import dev.neanelu.shared.InvalidValueException;
import java.util.Locale;

/**
 * A shop's Shopify plan tier, as far as it matters here: it sets the GraphQL Admin API restore rate (cost points per
 * second) and so how fast a shop may be synced. The bucket holds 20 seconds of restore.
 */
public enum ShopPlan {
  STANDARD(100),
  ADVANCED(200),
  PLUS(1000),
  ENTERPRISE(2000);

  private final int restorePerSecond;

  ShopPlan(int restorePerSecond) {
    this.restorePerSecond = restorePerSecond;
  }

  public int restorePerSecond() {
    return restorePerSecond;
  }

  public int bucketSize() {
    return restorePerSecond * 20;
  }

  /** The lower-case name stored in {@code shops.plan} and used in the APIs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ShopPlan fromCode(String code) {
    for (ShopPlan plan : values()) {
      if (plan.code().equals(code)) {
        return plan;
      }
    }
    throw new InvalidValueException("Unknown plan '" + code + "' (standard, advanced, plus, enterprise)");
  }
}
