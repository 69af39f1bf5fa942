-- After a complete export (CheckCompleteness passed): what the run did not carry is gone from Shopify.
-- Parameters: :shop_id, :run_id. Rows carried by this run have seen_run = :run_id (load-chunk.sql).
-- Rows written since the run started (synced_at) that the run did not carry come from webhooks applied meanwhile:
-- the export, taken earlier, cannot know them, so they are neither pruned nor marked deleted.

-- @statement planner
-- Whole-shop joins: hash them (the stamps were written moments ago and have no statistics yet).
SET LOCAL enable_nestloop = off;

-- @statement memory
SET LOCAL work_mem = '64MB';

-- @statement pruned_variant_metafields
-- Before the variants: a pruned variant's metafields go with it.
DELETE FROM metafields m
 USING product_variants v, products p
 WHERE m.shop_id = :shop_id AND m.owner_type = 'ProductVariant' AND m.seen_run IS DISTINCT FROM :run_id
   AND m.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND v.shop_id = m.shop_id AND v.variant_id = m.owner_id
   AND p.shop_id = v.shop_id AND p.product_id = v.product_id AND p.seen_run = :run_id;

-- @statement pruned_product_metafields
DELETE FROM metafields m
 USING products p
 WHERE m.shop_id = :shop_id AND m.owner_type = 'Product' AND m.seen_run IS DISTINCT FROM :run_id
   AND m.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND p.shop_id = m.shop_id AND p.product_id = m.owner_id AND p.seen_run = :run_id;

-- @statement pruned_variants
DELETE FROM product_variants v
 USING products p
 WHERE v.shop_id = :shop_id AND v.seen_run IS DISTINCT FROM :run_id
   AND v.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND p.shop_id = v.shop_id AND p.product_id = v.product_id AND p.seen_run = :run_id;

-- @statement pruned_media
DELETE FROM product_media pm
 USING products p
 WHERE pm.shop_id = :shop_id AND pm.seen_run IS DISTINCT FROM :run_id
   AND pm.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND p.shop_id = pm.shop_id AND p.product_id = pm.product_id AND p.seen_run = :run_id;

-- @statement deleted
-- Full syncs only (the batchlet runs this statement only then): products the complete export no longer has.
UPDATE products p
   SET deleted_at = now()
 WHERE p.shop_id = :shop_id AND p.deleted_at IS NULL AND p.seen_run IS DISTINCT FROM :run_id
   AND p.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id);
