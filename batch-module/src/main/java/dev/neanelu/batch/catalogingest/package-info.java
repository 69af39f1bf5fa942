/**
 * The catalog ingest job ({@code META-INF/batch-jobs/CatalogIngestJob.xml}): start or resume the run, export the
 * catalog with Shopify bulk queries ({@code groupObjects: false}) in parts ({@link
 * dev.neanelu.batch.catalogingest.ExportPart}: a failed export's partial data and its remainder, the halves of a
 * timed-out window), await them, stream each part's JSONL in byte ranges read at once ({@link
 * dev.neanelu.batch.catalogingest.LoadRanges}: one partition, read-ahead thread and database connection per range;
 * each checkpointed by byte offset and line number; bad lines recorded and skipped, numbered in their file by {@link
 * dev.neanelu.batch.catalogingest.LineNumbers}; {@link dev.neanelu.batch.catalogingest.LineValidator}
 * reads ids and typed columns from the raw bytes and rewrites NUL escapes to U+FFFD, the line then carrying a {@link
 * dev.neanelu.batch.catalogingest.LineWarning}; a rejected line keeps the ids it still names, {@link
 * dev.neanelu.batch.catalogingest.ReadableIds}), COPY each chunk ({@link dev.neanelu.batch.catalogingest.ChunkBudget})
 * in binary form ({@link dev.neanelu.batch.catalogingest.CopyRow}) into a temporary table and write it set-wise into
 * the catalog tables ({@link dev.neanelu.batch.catalogingest.CatalogChunkWriter}: plain inserts on a first sync,
 * upserts otherwise; children take their parent from {@code __parentId} whatever the line order),
 * check every part arrived whole (children whose parent never arrived become error records), reconcile what the
 * export no longer has by the run's stamps (keeping what rejected lines name), and verify a deterministic sample
 * against Shopify. Every URL is checked by {@link dev.neanelu.batch.catalogingest.SafeDownloads} before it is
 * fetched. All tenant data goes through TenantContext.
 *
 * <p>{@link dev.neanelu.batch.catalogingest.MetafieldAudit} re-reads a sample's metafields outside bulk, every page
 * of them, and names the namespaces other apps reserved that this app cannot read, for the verify step's report.
 */
package dev.neanelu.batch.catalogingest;
