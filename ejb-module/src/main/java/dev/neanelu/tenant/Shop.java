package dev.neanelu.tenant;

import java.time.Instant;

/**
 * A registered shop: the tenant as the rest of the application sees it. Credentials are not part of it; they are
 * read, decrypted, only by the component that calls Shopify.
 */
public record Shop(
    TenantId id, ShopDomain domain, ShopPlan plan, String scopes, Instant installedAt, Instant uninstalledAt) {

  public boolean installed() {
    return uninstalledAt == null;
  }
}
