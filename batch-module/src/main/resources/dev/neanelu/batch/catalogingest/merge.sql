-- Set-based merge of one run's staging rows into the catalog, in one transaction under the shop's tenant context.
-- Parameters: :shop_id, :run_id. Children find their parents through parent_gid (__parentId), whatever order the
-- lines came in. Upserts keep the newest updatedAt; within one export a duplicated gid keeps its newest line.

-- @statement planner
-- Staging is loaded moments before and has no statistics yet (and the application role may not ANALYZE it): the
-- planner would guess a few hundred rows and pick nested loops, quadratic on a large catalog. Joins here are
-- whole-run joins; hash them.
SET LOCAL enable_nestloop = off;

-- @statement memory
SET LOCAL work_mem = '128MB';

-- @statement products
INSERT INTO products (shop_id, product_id, title, handle, status, vendor, product_type, tags, created_at,
                      updated_at, fields, deleted_at, synced_at)
SELECT DISTINCT ON (s.gid)
       s.shop_id, split_part(s.gid, '/', 5)::bigint, coalesce(s.doc ->> 'title', ''), s.doc ->> 'handle',
       s.doc ->> 'status', s.doc ->> 'vendor', s.doc ->> 'productType',
       CASE WHEN jsonb_typeof(s.doc -> 'tags') = 'array'
            THEN ARRAY(SELECT jsonb_array_elements_text(s.doc -> 'tags')) ELSE '{}' END,
       (s.doc ->> 'createdAt')::timestamptz, (s.doc ->> 'updatedAt')::timestamptz, s.doc - '__parentId', NULL, now()
  FROM catalog_staging s
 WHERE s.run_id = :run_id AND s.type = 'Product'
 ORDER BY s.gid, (s.doc ->> 'updatedAt')::timestamptz DESC NULLS LAST, s.line_no DESC
ON CONFLICT (shop_id, product_id) DO UPDATE
   SET title = excluded.title, handle = excluded.handle, status = excluded.status, vendor = excluded.vendor,
       product_type = excluded.product_type, tags = excluded.tags, created_at = excluded.created_at,
       updated_at = excluded.updated_at, fields = excluded.fields, deleted_at = NULL, synced_at = now()
 WHERE products.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= products.updated_at;

-- @statement variants
INSERT INTO product_variants (shop_id, variant_id, product_id, sku, title, position, updated_at, fields, synced_at)
SELECT DISTINCT ON (s.gid)
       s.shop_id, split_part(s.gid, '/', 5)::bigint,
       split_part(coalesce(s.parent_gid, s.doc -> 'product' ->> 'id'), '/', 5)::bigint,
       s.doc ->> 'sku', s.doc ->> 'title', (s.doc ->> 'position')::integer, (s.doc ->> 'updatedAt')::timestamptz,
       s.doc - '__parentId', now()
  FROM catalog_staging s
 WHERE s.run_id = :run_id AND s.type = 'ProductVariant'
 ORDER BY s.gid, (s.doc ->> 'updatedAt')::timestamptz DESC NULLS LAST, s.line_no DESC
ON CONFLICT (shop_id, variant_id) DO UPDATE
   SET product_id = excluded.product_id, sku = excluded.sku, title = excluded.title, position = excluded.position,
       updated_at = excluded.updated_at, fields = excluded.fields, synced_at = now()
 WHERE product_variants.updated_at IS NULL OR excluded.updated_at IS NULL
    OR excluded.updated_at >= product_variants.updated_at;

-- @statement metafields
INSERT INTO metafields (shop_id, metafield_id, owner_type, owner_id, namespace, key, updated_at, fields, synced_at)
SELECT DISTINCT ON (s.gid)
       s.shop_id, split_part(s.gid, '/', 5)::bigint, split_part(s.parent_gid, '/', 4),
       split_part(s.parent_gid, '/', 5)::bigint, s.doc ->> 'namespace', s.doc ->> 'key',
       (s.doc ->> 'updatedAt')::timestamptz, s.doc - '__parentId', now()
  FROM catalog_staging s
 WHERE s.run_id = :run_id AND s.type = 'Metafield'
   AND split_part(s.parent_gid, '/', 4) IN ('Product', 'ProductVariant')
 ORDER BY s.gid, (s.doc ->> 'updatedAt')::timestamptz DESC NULLS LAST, s.line_no DESC
ON CONFLICT (shop_id, metafield_id) DO UPDATE
   SET owner_type = excluded.owner_type, owner_id = excluded.owner_id, namespace = excluded.namespace,
       key = excluded.key, updated_at = excluded.updated_at, fields = excluded.fields, synced_at = now()
 WHERE metafields.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= metafields.updated_at;

-- @statement media
INSERT INTO product_media (shop_id, media_id, product_id, media_type, fields, synced_at)
SELECT DISTINCT ON (s.gid)
       s.shop_id, split_part(s.gid, '/', 5)::bigint, split_part(s.parent_gid, '/', 5)::bigint, s.type,
       s.doc - '__parentId', now()
  FROM catalog_staging s
 WHERE s.run_id = :run_id AND s.type IN ('MediaImage', 'Video', 'ExternalVideo', 'Model3d')
   AND split_part(s.parent_gid, '/', 4) = 'Product'
 ORDER BY s.gid, s.line_no DESC
ON CONFLICT (shop_id, media_id) DO UPDATE
   SET product_id = excluded.product_id, media_type = excluded.media_type, fields = excluded.fields,
       synced_at = now();

-- @statement lines_in_export
-- The products this export covers, and the ids of every child it carries: what the pruning below compares with.
CREATE TEMP TABLE merge_exported ON COMMIT DROP AS
SELECT s.type, split_part(s.gid, '/', 5)::bigint AS id
  FROM catalog_staging s
 WHERE s.run_id = :run_id;

-- @statement prune_variants
DELETE FROM product_variants v
 WHERE v.shop_id = :shop_id
   AND v.product_id IN (SELECT id FROM merge_exported WHERE type = 'Product')
   AND v.variant_id NOT IN (SELECT id FROM merge_exported WHERE type = 'ProductVariant');

-- @statement prune_metafields
DELETE FROM metafields m
 WHERE m.shop_id = :shop_id
   AND ((m.owner_type = 'Product' AND m.owner_id IN (SELECT id FROM merge_exported WHERE type = 'Product'))
     OR (m.owner_type = 'ProductVariant'
         AND m.owner_id IN (SELECT variant_id FROM product_variants
                             WHERE shop_id = :shop_id
                               AND product_id IN (SELECT id FROM merge_exported WHERE type = 'Product'))))
   AND m.metafield_id NOT IN (SELECT id FROM merge_exported WHERE type = 'Metafield');

-- @statement prune_media
DELETE FROM product_media pm
 WHERE pm.shop_id = :shop_id
   AND pm.product_id IN (SELECT id FROM merge_exported WHERE type = 'Product')
   AND pm.media_id NOT IN (SELECT id FROM merge_exported
                            WHERE type IN ('MediaImage', 'Video', 'ExternalVideo', 'Model3d'));
