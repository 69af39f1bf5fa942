-- Counts of a shop's stored catalog (the tenant context limits every table to the shop), and the bad lines of
-- its latest run.
SELECT (SELECT count(*) FROM products WHERE deleted_at IS NULL),
       (SELECT count(*) FROM product_variants),
       (SELECT count(*) FROM metafields),
       (SELECT count(*) FROM product_media),
       (SELECT count(*) FROM products WHERE deleted_at IS NOT NULL),
       (SELECT count(*) FROM ingest_errors
         WHERE run_id = (SELECT run_id FROM sync_runs ORDER BY started_at DESC LIMIT 1))
