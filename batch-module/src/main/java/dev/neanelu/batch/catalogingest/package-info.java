/**
 * The catalog ingest job ({@code META-INF/batch-jobs/CatalogIngestJob.xml}): start or resume the run, export the
 * catalog with a Shopify bulk query ({@code groupObjects: false}), await it, stream the JSONL into staging with COPY
 * (checkpointed by byte offset and line number, bad lines recorded and skipped), check the export is complete,
 * merge set-wise into the catalog tables joining children to parents by {@code __parentId} whatever the line
 * order, and verify a deterministic sample against Shopify. All tenant data goes through TenantContext.
 *
 * <p>{@link dev.neanelu.batch.catalogingest.MetafieldAudit} re-reads a sample's metafields outside bulk, every page
 * of them, and names the namespaces other apps reserved that this app cannot read, for the verify step's report.
 */
package dev.neanelu.batch.catalogingest;
