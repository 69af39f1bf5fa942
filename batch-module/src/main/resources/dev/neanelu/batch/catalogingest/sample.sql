-- Verify step: a deterministic sample of the run's products (by a hash of their ids, no randomness), with what
-- was stored for them. Parameters: :run_id.

-- @statement planner
-- See merge.sql: staging has no statistics yet; hash whole-run joins instead of nesting loops.
SET LOCAL enable_nestloop = off;

-- @statement sample
SELECT p.product_id, p.fields ->> 'title', p.fields ->> 'handle', p.fields ->> 'status', p.fields ->> 'updatedAt'
  FROM catalog_staging s
  JOIN products p ON p.shop_id = s.shop_id AND p.product_id = split_part(s.gid, '/', 5)::bigint
 WHERE s.run_id = :run_id AND s.type = 'Product'
 ORDER BY hashtext(s.gid), s.gid
 LIMIT 20;

-- @statement clear_staging
DELETE FROM catalog_staging WHERE run_id = :run_id;
