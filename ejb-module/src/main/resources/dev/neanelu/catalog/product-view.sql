-- One product as stored, under Shopify's field names, with its variants (each with its metafields), its own
-- metafields and its media as plain arrays. Parameter: the numeric product id. Runs under the tenant context.
SELECT jsonb_build_object('deletedAt', p.deleted_at) - CASE WHEN p.deleted_at IS NULL THEN 'deletedAt' ELSE '' END
       || p.fields
       || jsonb_build_object(
            'variants', coalesce((
              SELECT jsonb_agg(v.fields || jsonb_build_object('metafields', coalesce((
                        SELECT jsonb_agg(m.fields ORDER BY m.metafield_id)
                          FROM metafields m
                         WHERE m.owner_type = 'ProductVariant' AND m.owner_id = v.variant_id), '[]'::jsonb))
                       ORDER BY v.position, v.variant_id)
                FROM product_variants v WHERE v.product_id = p.product_id), '[]'::jsonb),
            'metafields', coalesce((
              SELECT jsonb_agg(m.fields ORDER BY m.metafield_id)
                FROM metafields m WHERE m.owner_type = 'Product' AND m.owner_id = p.product_id), '[]'::jsonb),
            'media', coalesce((
              SELECT jsonb_agg(pm.fields ORDER BY pm.media_id)
                FROM product_media pm WHERE pm.product_id = p.product_id), '[]'::jsonb))
  FROM products p
 WHERE p.product_id = ?
