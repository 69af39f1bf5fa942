package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import dev.neanelu.tenant.TenantWork;

/**
 * The tenant a task runs for, propagated into the task: its database work goes through {@link
 * dev.neanelu.tenant.TenantContext} for this tenant and no other, so a handler cannot touch another shop's rows.
 * Each call is one unit of work (joining the caller's transaction if there is one), so a long task such as a job
 * launch need not hold a transaction open while it waits.
 */
public interface TenantScope {

  TenantId tenant();

  /** Runs {@code work} inside the tenant's context and returns its result. */
  <T> T call(TenantWork<T> work);

  /** Same as {@link #call} for work without a result. */
  default void run(TenantWork<?> work) {
    call(work);
  }
}
