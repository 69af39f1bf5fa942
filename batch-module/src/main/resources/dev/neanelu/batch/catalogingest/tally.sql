-- What the load step has written for a run, per kind of line, added chunk by chunk in the chunk's transaction: the
-- truncation guard compares it with Shopify's objectCount and rootObjectCount without scanning anything.

-- @statement add
UPDATE sync_runs
   SET lines_loaded = lines_loaded + :lines,
       counts = jsonb_build_object(
           'products',   coalesce((counts ->> 'products')::bigint, 0) + :products,
           'variants',   coalesce((counts ->> 'variants')::bigint, 0) + :variants,
           'metafields', coalesce((counts ->> 'metafields')::bigint, 0) + :metafields,
           'media',      coalesce((counts ->> 'media')::bigint, 0) + :media,
           'other',      coalesce((counts ->> 'other')::bigint, 0) + :other)
 WHERE run_id = :run_id;

-- @statement part
UPDATE sync_run_parts
   SET lines_loaded = lines_loaded + :lines, roots_loaded = roots_loaded + :roots
 WHERE run_id = :run_id AND part = :part;
