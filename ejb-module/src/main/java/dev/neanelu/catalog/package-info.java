/**
 * The catalog as this application stores it (products, variants, metafields, media per shop) and its sync runs:
 * starting a catalog ingest ({@link dev.neanelu.catalog.CatalogSyncService}), recording each run's progress
 * ({@link dev.neanelu.catalog.SyncRuns}) and reading the result ({@link dev.neanelu.catalog.CatalogQueries}); where
 * an ingest may download from ({@link dev.neanelu.catalog.SourceUrlPolicy}). The ingest job itself lives in
 * batch-module ({@code dev.neanelu.batch.catalogingest}).
 */
package dev.neanelu.catalog;
