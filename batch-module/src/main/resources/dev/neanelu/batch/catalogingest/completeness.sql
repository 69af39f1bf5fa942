-- Truncation guard: what arrived for a run. Parameters: :run_id.

-- @statement planner
-- See merge.sql: staging has no statistics yet; hash the whole-run anti-join instead of nesting loops.
SET LOCAL enable_nestloop = off;

-- @statement tally
SELECT (SELECT count(*) FROM catalog_staging WHERE run_id = :run_id) AS staged,
       (SELECT count(*) FROM catalog_staging WHERE run_id = :run_id AND type = 'Product') AS roots,
       (SELECT count(*) FROM ingest_errors WHERE run_id = :run_id) AS rejected,
       (SELECT count(*)
          FROM catalog_staging c
         WHERE c.run_id = :run_id AND c.parent_gid IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM catalog_staging p WHERE p.run_id = c.run_id AND p.gid = c.parent_gid)
           AND NOT (split_part(c.parent_gid, '/', 4) = 'Product'
                    AND EXISTS (SELECT 1 FROM products pr
                                 WHERE pr.shop_id = c.shop_id
                                   AND pr.product_id = split_part(c.parent_gid, '/', 5)::bigint))
           AND NOT (split_part(c.parent_gid, '/', 4) = 'ProductVariant'
                    AND EXISTS (SELECT 1 FROM product_variants v
                                 WHERE v.shop_id = c.shop_id
                                   AND v.variant_id = split_part(c.parent_gid, '/', 5)::bigint))) AS orphans;
