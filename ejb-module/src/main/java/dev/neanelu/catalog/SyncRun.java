package dev.neanelu.catalog;

import dev.neanelu.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * One catalog sync of one shop: a batch job instance, its bulk operation, where its JSONL came from, and how it
 * ended. Restarts of the job continue the same run.
 */
public record SyncRun(
    UUID runId,
    TenantId shopId,
    long jobInstanceId,
    String mode,
    String sourceUrl,
    String bulkOperationId,
    String bulkStatus,
    Long objectCount,
    Long rootObjectCount,
    Instant updatedSince,
    String status,
    String outcome,
    long linesLoaded,
    String counts,
    Instant startedAt,
    Instant finishedAt,
    String verification) {

  public boolean full() {
    return "full".equals(mode);
  }
}
