-- One chunk of the export, already COPYed into the session's temporary table chunk_rows, merged into the catalog
-- with set-based statements in the chunk's transaction (so the rows and the reader's checkpoint commit together).
-- Parameters: :shop_id, :run_id.
--
-- Each kind has two statements: insert-<kind>, a plain INSERT for a shop that had no rows of that kind when the
-- load began (a first sync: nothing to conflict with, and ON CONFLICT's speculative insertion is the dearest part
-- of an upsert), and upsert-<kind>. The writer runs insert- under a savepoint and falls back to upsert- on a unique
-- violation (a duplicated object across chunks, a webhook that stored the product meanwhile).
--
-- Children carry their parent's id from __parentId, so a child may arrive before its parent (groupObjects:false
-- gives no order): nothing here needs the parent to exist yet; CheckCompleteness checks every parent arrived.
-- Upserts keep the newest updatedAt (a webhook may have stored a newer version than the export saw); within one
-- chunk a duplicated id was already reduced to its newest line (ChunkRows). The typed columns were read from the
-- line by the reader (LineValidator); __parentId is not a field: the reader cut it from lines that end with it,
-- and strip_parent marks the lines that carry it elsewhere. Every row the export carried is stamped
-- seen_run = :run_id, also when the stored version was newer, so that Reconcile can tell what the export no longer
-- contains.

-- @statement stored
SELECT EXISTS (SELECT 1 FROM products WHERE shop_id = :shop_id),
       EXISTS (SELECT 1 FROM product_variants WHERE shop_id = :shop_id),
       EXISTS (SELECT 1 FROM metafields WHERE shop_id = :shop_id),
       EXISTS (SELECT 1 FROM product_media WHERE shop_id = :shop_id);

-- @statement insert-products
INSERT INTO products (shop_id, product_id, title, handle, status, vendor, product_type, tags, created_at,
                      updated_at, fields, deleted_at, synced_at, seen_run)
SELECT :shop_id, l.id, coalesce(l.title, ''), l.handle, l.status, l.vendor, l.product_type,
       CASE WHEN jsonb_typeof(l.doc -> 'tags') = 'array'
            THEN ARRAY(SELECT jsonb_array_elements_text(l.doc -> 'tags')) ELSE '{}' END,
       l.created_at, l.updated_at, CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END, NULL, now(),
       :run_id
  FROM chunk_rows l
 WHERE l.kind = 'products';

-- @statement upsert-products
WITH upserted AS (
  INSERT INTO products AS p (shop_id, product_id, title, handle, status, vendor, product_type, tags, created_at,
                             updated_at, fields, deleted_at, synced_at, seen_run)
  SELECT :shop_id, l.id, coalesce(l.title, ''), l.handle, l.status, l.vendor, l.product_type,
         CASE WHEN jsonb_typeof(l.doc -> 'tags') = 'array'
              THEN ARRAY(SELECT jsonb_array_elements_text(l.doc -> 'tags')) ELSE '{}' END,
         l.created_at, l.updated_at, CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END, NULL,
         now(), :run_id
    FROM chunk_rows l
   WHERE l.kind = 'products'
  ON CONFLICT (shop_id, product_id) DO UPDATE
     SET title = excluded.title, handle = excluded.handle, status = excluded.status, vendor = excluded.vendor,
         product_type = excluded.product_type, tags = excluded.tags, created_at = excluded.created_at,
         updated_at = excluded.updated_at, fields = excluded.fields, deleted_at = NULL, synced_at = now(),
         seen_run = excluded.seen_run
   WHERE (p.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= p.updated_at)
     -- A product deleted since the run began (a products/delete webhook) stays deleted: the export predates it.
     AND (p.deleted_at IS NULL OR p.deleted_at < (SELECT started_at FROM sync_runs WHERE run_id = :run_id))
  RETURNING product_id
)
-- Stored versions newer than the export's were kept above; they are still in Shopify, so stamp them too.
UPDATE products p
   SET seen_run = :run_id
  FROM chunk_rows l
 WHERE l.kind = 'products' AND l.id NOT IN (SELECT product_id FROM upserted)
   AND p.shop_id = :shop_id AND p.product_id = l.id AND p.seen_run IS DISTINCT FROM :run_id;

-- @statement insert-variants
INSERT INTO product_variants (shop_id, variant_id, product_id, sku, title, position, updated_at, fields, synced_at,
                              seen_run)
SELECT :shop_id, l.id, coalesce(l.parent_id, split_part(l.doc -> 'product' ->> 'id', '/', 5)::bigint), l.sku,
       l.title, l.position, l.updated_at, CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END, now(),
       :run_id
  FROM chunk_rows l
 WHERE l.kind = 'variants';

-- @statement upsert-variants
WITH upserted AS (
  INSERT INTO product_variants AS v (shop_id, variant_id, product_id, sku, title, position, updated_at, fields,
                                     synced_at, seen_run)
  SELECT :shop_id, l.id, coalesce(l.parent_id, split_part(l.doc -> 'product' ->> 'id', '/', 5)::bigint), l.sku,
         l.title, l.position, l.updated_at, CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END,
         now(), :run_id
    FROM chunk_rows l
   WHERE l.kind = 'variants'
  ON CONFLICT (shop_id, variant_id) DO UPDATE
     SET product_id = excluded.product_id, sku = excluded.sku, title = excluded.title, position = excluded.position,
         updated_at = excluded.updated_at, fields = excluded.fields, synced_at = now(), seen_run = excluded.seen_run
   WHERE v.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= v.updated_at
  RETURNING variant_id
)
-- Stored versions newer than the export's were kept above; they are still in Shopify, so stamp them too.
UPDATE product_variants v
   SET seen_run = :run_id
  FROM chunk_rows l
 WHERE l.kind = 'variants' AND l.id NOT IN (SELECT variant_id FROM upserted)
   AND v.shop_id = :shop_id AND v.variant_id = l.id AND v.seen_run IS DISTINCT FROM :run_id;

-- @statement insert-metafields
INSERT INTO metafields (shop_id, metafield_id, owner_type, owner_id, namespace, key, updated_at, fields, synced_at,
                        seen_run)
SELECT :shop_id, l.id, l.parent_type, l.parent_id, l.namespace, l.key, l.updated_at,
       CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END, now(), :run_id
  FROM chunk_rows l
 WHERE l.kind = 'metafields';

-- @statement upsert-metafields
WITH upserted AS (
  INSERT INTO metafields AS m (shop_id, metafield_id, owner_type, owner_id, namespace, key, updated_at, fields,
                               synced_at, seen_run)
  SELECT :shop_id, l.id, l.parent_type, l.parent_id, l.namespace, l.key, l.updated_at,
         CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END, now(), :run_id
    FROM chunk_rows l
   WHERE l.kind = 'metafields'
  ON CONFLICT (shop_id, metafield_id) DO UPDATE
     SET owner_type = excluded.owner_type, owner_id = excluded.owner_id, namespace = excluded.namespace,
         key = excluded.key, updated_at = excluded.updated_at, fields = excluded.fields, synced_at = now(),
         seen_run = excluded.seen_run
   WHERE m.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= m.updated_at
  RETURNING metafield_id
)
-- Stored versions newer than the export's were kept above; they are still in Shopify, so stamp them too.
UPDATE metafields m
   SET seen_run = :run_id
  FROM chunk_rows l
 WHERE l.kind = 'metafields' AND l.id NOT IN (SELECT metafield_id FROM upserted)
   AND m.shop_id = :shop_id AND m.metafield_id = l.id AND m.seen_run IS DISTINCT FROM :run_id;

-- @statement insert-media
INSERT INTO product_media (shop_id, media_id, product_id, media_type, fields, synced_at, seen_run)
SELECT :shop_id, l.id, l.parent_id, l.type, CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END,
       now(), :run_id
  FROM chunk_rows l
 WHERE l.kind = 'media';

-- @statement upsert-media
-- Media has no updatedAt: the line read last wins.
INSERT INTO product_media (shop_id, media_id, product_id, media_type, fields, synced_at, seen_run)
SELECT :shop_id, l.id, l.parent_id, l.type, CASE WHEN l.strip_parent THEN l.doc - '__parentId' ELSE l.doc END,
       now(), :run_id
  FROM chunk_rows l
 WHERE l.kind = 'media'
ON CONFLICT (shop_id, media_id) DO UPDATE
   SET product_id = excluded.product_id, media_type = excluded.media_type, fields = excluded.fields,
       synced_at = now(), seen_run = excluded.seen_run;
