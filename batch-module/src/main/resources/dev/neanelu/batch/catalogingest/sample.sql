-- Verify step: a deterministic sample of the run's products (by a hash of their ids, no randomness), with what
-- was stored for them. Parameters: :shop_id, :run_id.

-- @statement sample
SELECT p.product_id, p.fields ->> 'title', p.fields ->> 'handle', p.fields ->> 'status', p.fields ->> 'updatedAt'
  FROM products p
 WHERE p.shop_id = :shop_id AND p.seen_run = :run_id
 ORDER BY hashint8(p.product_id), p.product_id
 LIMIT 20;

-- @statement stored_metafields
-- The stored metafield ids of the sampled products and of their variants, as (owner gid, metafield id).
SELECT 'gid://shopify/' || m.owner_type || '/' || m.owner_id, m.metafield_id
  FROM metafields m
 WHERE m.shop_id = :shop_id
   AND ((m.owner_type = 'Product' AND m.owner_id = ANY (:product_ids))
     OR (m.owner_type = 'ProductVariant'
         AND m.owner_id IN (SELECT v.variant_id FROM product_variants v
                             WHERE v.shop_id = :shop_id AND v.product_id = ANY (:product_ids))));
