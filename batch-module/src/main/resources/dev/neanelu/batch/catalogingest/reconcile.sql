-- After a complete export (CheckCompleteness passed): what the run did not carry is gone from Shopify, except what
-- it could not read. An object named by a rejected line (ingest_errors with a line number and an object) is kept,
-- and so are the stored metafields of a rejected variant; a rejected product keeps its children anyway, as only
-- children of products the run carried are pruned. When a rejected line's id was unreadable nothing is pruned or
-- marked deleted (the batchlet asks "unreadable" first).
-- Parameters: :shop_id, :run_id. Rows carried by this run have seen_run = :run_id (load-chunk.sql).
-- Rows written since the run started (synced_at) that the run did not carry come from webhooks applied meanwhile:
-- the export, taken earlier, cannot know them, so they are neither pruned nor marked deleted.

-- @statement unreadable
SELECT count(*) FROM ingest_errors WHERE run_id = :run_id AND line_no IS NOT NULL AND object_id IS NULL;

-- @statement outcome
UPDATE sync_runs SET reconcile = :reconcile WHERE run_id = :run_id;

-- @statement planner
-- Whole-shop joins: hash them (the stamps were written moments ago and have no statistics yet).
SET LOCAL enable_nestloop = off;

-- @statement memory
SET LOCAL work_mem = '64MB';

-- @statement kept
CREATE TEMP TABLE reconcile_kept ON COMMIT DROP AS
SELECT DISTINCT kind, object_id FROM ingest_errors
 WHERE run_id = :run_id AND line_no IS NOT NULL AND object_id IS NOT NULL;

-- @statement pruned_variant_metafields
-- Before the variants: a pruned variant's metafields go with it.
DELETE FROM metafields m
 USING product_variants v, products p
 WHERE m.shop_id = :shop_id AND m.owner_type = 'ProductVariant' AND m.seen_run IS DISTINCT FROM :run_id
   AND m.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND v.shop_id = m.shop_id AND v.variant_id = m.owner_id
   AND p.shop_id = v.shop_id AND p.product_id = v.product_id AND p.seen_run = :run_id
   AND NOT EXISTS (SELECT 1 FROM reconcile_kept k
                    WHERE (k.kind = 'metafields' AND k.object_id = m.metafield_id)
                       OR (k.kind = 'variants' AND k.object_id = m.owner_id));

-- @statement pruned_product_metafields
DELETE FROM metafields m
 USING products p
 WHERE m.shop_id = :shop_id AND m.owner_type = 'Product' AND m.seen_run IS DISTINCT FROM :run_id
   AND m.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND p.shop_id = m.shop_id AND p.product_id = m.owner_id AND p.seen_run = :run_id
   AND NOT EXISTS (SELECT 1 FROM reconcile_kept k WHERE k.kind = 'metafields' AND k.object_id = m.metafield_id);

-- @statement pruned_variants
DELETE FROM product_variants v
 USING products p
 WHERE v.shop_id = :shop_id AND v.seen_run IS DISTINCT FROM :run_id
   AND v.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND p.shop_id = v.shop_id AND p.product_id = v.product_id AND p.seen_run = :run_id
   AND NOT EXISTS (SELECT 1 FROM reconcile_kept k WHERE k.kind = 'variants' AND k.object_id = v.variant_id);

-- @statement pruned_media
DELETE FROM product_media pm
 USING products p
 WHERE pm.shop_id = :shop_id AND pm.seen_run IS DISTINCT FROM :run_id
   AND pm.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND p.shop_id = pm.shop_id AND p.product_id = pm.product_id AND p.seen_run = :run_id
   AND NOT EXISTS (SELECT 1 FROM reconcile_kept k WHERE k.kind = 'media' AND k.object_id = pm.media_id);

-- @statement deleted
-- Full syncs only (the batchlet runs this statement only then): products the complete export no longer has.
UPDATE products p
   SET deleted_at = now()
 WHERE p.shop_id = :shop_id AND p.deleted_at IS NULL AND p.seen_run IS DISTINCT FROM :run_id
   AND p.synced_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id)
   AND NOT EXISTS (SELECT 1 FROM reconcile_kept k WHERE k.kind = 'products' AND k.object_id = p.product_id);
