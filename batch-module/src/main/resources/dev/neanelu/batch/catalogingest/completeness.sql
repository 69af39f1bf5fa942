-- Truncation guard: what arrived for each part of a run (tally.sql added it up chunk by chunk) against what
-- Shopify counted, and children whose parent is neither in this export nor already in the catalog.
-- Parameters: :shop_id, :run_id.

-- @statement planner
-- Whole-run anti-joins over rows stamped moments ago (no statistics yet): hash them.
SET LOCAL enable_nestloop = off;

-- @statement memory
SET LOCAL work_mem = '64MB';

-- @statement parts
-- Whole exports only: partial data of a failed export holds fewer lines than the objects Shopify had counted.
SELECT p.part, coalesce(p.object_count, -1), coalesce(p.root_object_count, -1), p.lines_loaded, p.roots_loaded,
       (SELECT count(*) FROM ingest_errors e WHERE e.run_id = p.run_id AND e.part = p.part)
  FROM sync_run_parts p
 WHERE p.run_id = :run_id AND p.status = 'READY'
 ORDER BY p.part;

-- @statement orphans
SELECT (SELECT count(*) FROM product_variants v
         WHERE v.shop_id = :shop_id AND v.seen_run = r.run_id
           AND NOT EXISTS (SELECT 1 FROM products p WHERE p.shop_id = v.shop_id AND p.product_id = v.product_id))
     + (SELECT count(*) FROM product_media m
         WHERE m.shop_id = :shop_id AND m.seen_run = r.run_id
           AND NOT EXISTS (SELECT 1 FROM products p WHERE p.shop_id = m.shop_id AND p.product_id = m.product_id))
     + (SELECT count(*) FROM metafields m
         WHERE m.shop_id = :shop_id AND m.seen_run = r.run_id AND m.owner_type = 'Product'
           AND NOT EXISTS (SELECT 1 FROM products p WHERE p.shop_id = m.shop_id AND p.product_id = m.owner_id))
     + (SELECT count(*) FROM metafields m
         WHERE m.shop_id = :shop_id AND m.seen_run = r.run_id AND m.owner_type = 'ProductVariant'
           AND NOT EXISTS (SELECT 1 FROM product_variants v
                            WHERE v.shop_id = m.shop_id AND v.variant_id = m.owner_id))
  FROM sync_runs r
 WHERE r.run_id = :run_id;
