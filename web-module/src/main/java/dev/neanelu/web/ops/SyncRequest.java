package dev.neanelu.web.ops;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/ops/shops/{shop}/sync}.
 *
 * @param mode {@code full} (default) or {@code incremental}
 * @param jsonlUrl optional: ingest this already-exported bulk JSONL instead of exporting (re-imports, benchmarks);
 *     only from where {@link dev.neanelu.catalog.SourceUrlPolicy} allows (checked by the resource)
 */
public record SyncRequest(
    @Pattern(regexp = "full|incremental", message = "must be full or incremental") String mode,
    @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Size(max = 4000, message = "is too long")
        String jsonlUrl) {}
