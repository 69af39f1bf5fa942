/**
 * The catalog as this application stores it (products, variants, metafields, media per shop) and its sync runs:
 * starting a catalog ingest ({@link dev.neanelu.catalog.CatalogSyncService}), recording each run's progress
 * ({@link dev.neanelu.catalog.SyncRuns}) and reading the result ({@link dev.neanelu.catalog.CatalogQueries}); where
 * an ingest may download from ({@link dev.neanelu.catalog.SourceUrlPolicy}); one run per shop, cluster-wide
 ({@link dev.neanelu.catalog.SyncClaims}), operators' syncs queued through fair dispatch
 ({@link dev.neanelu.catalog.SyncRequests}), and runs that died with their JVM restarted
 ({@link dev.neanelu.catalog.SyncResumer}). The ingest job itself lives in
 * batch-module ({@code dev.neanelu.batch.catalogingest}).
 */
package dev.neanelu.catalog;
