package dev.neanelu.fairness;

import dev.neanelu.tenant.TenantId;
import java.time.Instant;

/**
 * An item that failed its last attempt: kept with its last error (redacted of token shapes) for operators.
 *
 * @param id the item's id
 * @param queue the queue it was in
 * @param tenant its shop
 * @param shop its shop's domain, where known
 * @param kind its handler's kind
 * @param payload its input
 * @param attempts how many attempts were made
 * @param lastError the last attempt's error: exception class and message, never a stack trace
 * @param enqueuedAt when it was enqueued
 * @param diedAt when it became a dead letter
 */
public record DeadLetter(
    long id,
    String queue,
    TenantId tenant,
    String shop,
    String kind,
    String payload,
    int attempts,
    String lastError,
    Instant enqueuedAt,
    Instant diedAt) {}
