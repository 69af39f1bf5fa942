package dev.neanelu.fairness.internal;

import dev.neanelu.fairness.TenantScope;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import dev.neanelu.tenant.TenantWork;
import java.util.Objects;

/** A {@link TenantScope} over the spine's {@link TenantContext}, fixed to one tenant. */
public record BoundTenantScope(TenantContext tenants, TenantId tenant) implements TenantScope {

  public BoundTenantScope {
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(tenant, "tenant");
  }

  @Override
  public <T> T call(TenantWork<T> work) {
    return tenants.call(tenant, work);
  }
}
