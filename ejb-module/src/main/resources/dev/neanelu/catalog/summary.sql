-- Counts of a shop's stored catalog (the tenant context limits every table to the shop); the error and warning
-- lines of its latest run, and how that run's reconcile ended (null before it reconciled).
WITH latest AS (SELECT run_id, reconcile FROM sync_runs ORDER BY started_at DESC LIMIT 1)
SELECT (SELECT count(*) FROM products WHERE deleted_at IS NULL),
       (SELECT count(*) FROM product_variants),
       (SELECT count(*) FROM metafields),
       (SELECT count(*) FROM product_media),
       (SELECT count(*) FROM products WHERE deleted_at IS NOT NULL),
       (SELECT count(*) FROM ingest_errors WHERE run_id = (SELECT run_id FROM latest)),
       (SELECT count(*) FROM ingest_warnings WHERE run_id = (SELECT run_id FROM latest)),
       (SELECT reconcile FROM latest)
