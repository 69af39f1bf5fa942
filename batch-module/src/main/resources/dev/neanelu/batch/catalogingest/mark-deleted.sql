-- Full syncs only: products that the complete export no longer contains were deleted in Shopify.
-- Parameters: :shop_id, :run_id.

-- @statement mark_deleted
UPDATE products p
   SET deleted_at = now()
 WHERE p.shop_id = :shop_id
   AND p.deleted_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM catalog_staging s
                    WHERE s.run_id = :run_id AND s.type = 'Product'
                      AND s.gid = 'gid://shopify/Product/' || p.product_id);
