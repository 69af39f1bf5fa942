package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import java.util.Objects;

/**
 * One claimed unit of per-shop work, as a handler sees it.
 *
 * @param id the queue's id of the item (stable across attempts)
 * @param tenant the shop the work belongs to; the handler works inside this tenant only
 * @param kind selects the handler, e.g. {@code catalog-sync}
 * @param payload the handler's input, never a secret (operators see it in the dead letters)
 * @param attempt this attempt's number, from 1
 * @param maxAttempts after this many failed attempts the item is a dead letter
 */
public record WorkItem(long id, TenantId tenant, String kind, String payload, int attempt, int maxAttempts) {

  public WorkItem {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
  }

  /** Whether a failure of this attempt makes the item a dead letter. */
  public boolean isLastAttempt() {
    return attempt >= maxAttempts;
  }
}
