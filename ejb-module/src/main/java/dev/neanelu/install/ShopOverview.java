package dev.neanelu.install;

import dev.neanelu.tenant.Shop;
import java.time.Instant;
import java.util.Map;

/**
 * What the embedded admin shows about its shop: the shop, when its access token expires (null: a legacy
 * non-expiring token) and its last catalog sync (empty when none ran yet).
 */
public record ShopOverview(Shop shop, Instant tokenExpiresAt, Map<String, Object> lastSync) {}
