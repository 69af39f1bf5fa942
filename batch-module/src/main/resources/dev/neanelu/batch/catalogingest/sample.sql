-- Verify step: a deterministic sample of the run's products (by a hash of their ids, no randomness), with what
-- was stored for them. Parameters: :shop_id, :run_id.

-- @statement sample
SELECT p.product_id, p.fields ->> 'title', p.fields ->> 'handle', p.fields ->> 'status', p.fields ->> 'updatedAt'
  FROM products p
 WHERE p.shop_id = :shop_id AND p.seen_run = :run_id
 ORDER BY hashint8(p.product_id), p.product_id
 LIMIT 20;
