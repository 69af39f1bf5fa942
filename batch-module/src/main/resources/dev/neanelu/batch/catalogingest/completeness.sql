-- Truncation guard: what arrived for each part of a run (tally.sql added it up chunk by chunk) against what
-- Shopify counted. Then children whose parent is neither in this export nor already in the catalog: each becomes an
-- error record of its own (no line number: the catalog keeps none; part 0) and its row is taken out again.
-- Parameters: :shop_id, :run_id.

-- @statement planner
-- Whole-run anti-joins over rows stamped moments ago (no statistics yet): hash them.
SET LOCAL enable_nestloop = off;

-- @statement memory
SET LOCAL work_mem = '64MB';

-- @statement parts
-- Whole exports only: partial data of a failed export holds fewer lines than the objects Shopify had counted.
SELECT p.part, coalesce(p.object_count, -1), coalesce(p.root_object_count, -1), p.lines_loaded, p.roots_loaded,
       (SELECT count(*) FROM ingest_errors e WHERE e.run_id = p.run_id AND e.part = p.part AND e.line_no IS NOT NULL)
  FROM sync_run_parts p
 WHERE p.run_id = :run_id AND p.status = 'READY'
 ORDER BY p.part;

-- The parents, narrow: the catalog rows carry their whole JSON, so each anti-join that read products or variants
-- itself read gigabytes at 1M products (24 s); these are read once and every check below probes them.
-- @statement parent-products
CREATE TEMP TABLE completeness_products ON COMMIT DROP AS
SELECT product_id FROM products WHERE shop_id = :shop_id;

-- @statement parent-variants
CREATE TEMP TABLE completeness_variants ON COMMIT DROP AS
SELECT variant_id, product_id, seen_run = :run_id AS in_run FROM product_variants WHERE shop_id = :shop_id;

-- @statement statistics
ANALYZE completeness_products, completeness_variants;

-- @statement orphan-variants-recorded
INSERT INTO ingest_errors (shop_id, run_id, part, range_start, line_no, reason, kind, object_id, gid)
SELECT :shop_id, :run_id, 0, 0, NULL,
       'parent gid://shopify/Product/' || v.product_id || ' never arrived (not in the export, not in the catalog)',
       'variants', v.variant_id, 'gid://shopify/ProductVariant/' || v.variant_id
  FROM completeness_variants v
 WHERE v.in_run AND NOT EXISTS (SELECT 1 FROM completeness_products p WHERE p.product_id = v.product_id)
ON CONFLICT DO NOTHING;

-- @statement orphan-variants-removed
DELETE FROM product_variants pv
 USING completeness_variants v
 WHERE pv.shop_id = :shop_id AND pv.variant_id = v.variant_id
   AND v.in_run AND NOT EXISTS (SELECT 1 FROM completeness_products p WHERE p.product_id = v.product_id);

-- @statement orphan-variants-forgotten
-- Their metafields are orphans too.
DELETE FROM completeness_variants v
 WHERE v.in_run AND NOT EXISTS (SELECT 1 FROM completeness_products p WHERE p.product_id = v.product_id);

-- @statement orphan-media-recorded
INSERT INTO ingest_errors (shop_id, run_id, part, range_start, line_no, reason, kind, object_id, gid)
SELECT :shop_id, :run_id, 0, 0, NULL,
       'parent gid://shopify/Product/' || m.product_id || ' never arrived (not in the export, not in the catalog)',
       'media', m.media_id, 'gid://shopify/' || m.media_type || '/' || m.media_id
  FROM product_media m
 WHERE m.shop_id = :shop_id AND m.seen_run = :run_id
   AND NOT EXISTS (SELECT 1 FROM completeness_products p WHERE p.product_id = m.product_id)
ON CONFLICT DO NOTHING;

-- @statement orphan-media-removed
DELETE FROM product_media m
 WHERE m.shop_id = :shop_id AND m.seen_run = :run_id
   AND NOT EXISTS (SELECT 1 FROM completeness_products p WHERE p.product_id = m.product_id);

-- @statement orphan-metafields-recorded
INSERT INTO ingest_errors (shop_id, run_id, part, range_start, line_no, reason, kind, object_id, gid)
SELECT :shop_id, :run_id, 0, 0, NULL,
       'parent gid://shopify/' || m.owner_type || '/' || m.owner_id
         || CASE WHEN m.owner_type = 'ProductVariant' AND EXISTS (
                   SELECT 1 FROM ingest_errors e
                    WHERE e.run_id = :run_id AND e.line_no IS NULL AND e.kind = 'variants' AND e.object_id = m.owner_id)
                 THEN ' was not stored: its own parent never arrived'
                 ELSE ' never arrived (not in the export, not in the catalog)' END,
       'metafields', m.metafield_id, 'gid://shopify/Metafield/' || m.metafield_id
  FROM metafields m
  LEFT JOIN completeness_products p ON m.owner_type = 'Product' AND p.product_id = m.owner_id
  LEFT JOIN completeness_variants v ON m.owner_type = 'ProductVariant' AND v.variant_id = m.owner_id
 WHERE m.shop_id = :shop_id AND m.seen_run = :run_id AND p.product_id IS NULL AND v.variant_id IS NULL
ON CONFLICT DO NOTHING;

-- @statement orphan-metafields-removed
DELETE FROM metafields m
 WHERE m.shop_id = :shop_id AND m.seen_run = :run_id
   AND NOT EXISTS (SELECT 1 FROM completeness_products p WHERE m.owner_type = 'Product' AND p.product_id = m.owner_id)
   AND NOT EXISTS (SELECT 1 FROM completeness_variants v
                    WHERE m.owner_type = 'ProductVariant' AND v.variant_id = m.owner_id);
