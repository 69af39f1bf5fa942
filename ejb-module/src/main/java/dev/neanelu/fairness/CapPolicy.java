package dev.neanelu.fairness;

import dev.neanelu.tenant.ShopPlan;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many items of one shop may run at once across all JVMs: the shop's own override ({@code
 * work_shops.max_concurrency}) if set, else its plan's cap, else the default. Higher plans have faster Shopify
 * buckets, so they can use more parallel work.
 */
public final class CapPolicy {

  private final int defaultCap;
  private final Map<ShopPlan, Integer> perPlan;

  /**
   * @param defaultCap the cap of a plan without its own
   * @param perPlan caps of particular plans
   */
  public CapPolicy(int defaultCap, Map<ShopPlan, Integer> perPlan) {
    requirePositive(defaultCap, "default");
    perPlan.forEach((plan, cap) -> requirePositive(cap, plan.code()));
    this.defaultCap = defaultCap;
    this.perPlan = perPlan.isEmpty() ? new EnumMap<>(ShopPlan.class) : new EnumMap<>(perPlan);
  }

  /** The same cap for every plan. */
  public static CapPolicy uniform(int cap) {
    return new CapPolicy(cap, Map.of());
  }

  /** The cap of a shop on {@code plan} without an override of its own. */
  public int capFor(ShopPlan plan) {
    return perPlan.getOrDefault(plan, defaultCap);
  }

  private static void requirePositive(int cap, String what) {
    if (cap < 1) {
      throw new IllegalArgumentException("The " + what + " concurrency cap must be at least 1, got " + cap);
    }
  }
}
