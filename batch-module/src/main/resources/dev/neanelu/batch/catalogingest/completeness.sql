-- Truncation guard: what arrived for a run. Parameters: :run_id.

-- @statement planner
-- See merge.sql: staging has no statistics yet; hash the whole-run anti-join instead of nesting loops.
SET LOCAL enable_nestloop = off;

-- @statement memory
-- The anti-join hashes every gid of the run: with the default work_mem it spilled to 32 batches on a 300k-product
-- export (8 of the step's 12 s there).
SET LOCAL work_mem = '128MB';

-- @statement tally
-- One pass over the run's staging rows for both counts (each scan of a large run reads its whole staging).
SELECT r.staged, r.roots,
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
                                   AND v.variant_id = split_part(c.parent_gid, '/', 5)::bigint))) AS orphans
  FROM (SELECT count(*) AS staged, count(*) FILTER (WHERE type = 'Product') AS roots
          FROM catalog_staging WHERE run_id = :run_id) r;
