-- The parts of a run (sync_run_parts, see ExportPart). Parameters as named per statement.

-- @statement add
INSERT INTO sync_run_parts (run_id, shop_id, part, origin, updated_after, updated_before, id_from, status, url)
SELECT :run_id, :shop_id, coalesce(max(part) + 1, 0), :origin::text, :updated_after::timestamptz,
       :updated_before::timestamptz, :id_from::bigint, :status::text, :url::text
  FROM sync_run_parts
 WHERE run_id = :run_id;

-- @statement exporting
UPDATE sync_run_parts SET bulk_operation_id = :operation, status = 'EXPORTING' WHERE run_id = :run_id AND part = :part;

-- @statement finished
UPDATE sync_run_parts
   SET status = :status, url = :url, object_count = :objects, root_object_count = :roots
 WHERE run_id = :run_id AND part = :part;

-- @statement totals
-- What the parts to read hold, for the run's own columns (shown by the summary, checked by CheckCompleteness).
UPDATE sync_runs r
   SET object_count = t.objects, root_object_count = t.roots, source_url = coalesce(r.source_url, t.url)
  FROM (SELECT sum(object_count) AS objects, sum(root_object_count) AS roots,
               (array_agg(url ORDER BY part) FILTER (WHERE url IS NOT NULL))[1] AS url
          FROM sync_run_parts
         WHERE run_id = :run_id AND status IN ('READY', 'PARTIAL')) t
 WHERE r.run_id = :run_id;

-- @statement range-read
-- A range of a part was read to its end (LoadRange); a restart that reads it again records the same count.
INSERT INTO sync_run_ranges (run_id, shop_id, part, range_start, lines)
VALUES (:run_id, :shop_id, :part, :range_start, :lines)
ON CONFLICT (run_id, part, range_start) DO UPDATE SET lines = excluded.lines;

-- @statement number-error-lines
-- Once every range was read: a bad line's number within its range becomes its number in the file (the lines of the
-- part's earlier ranges added). Numbers only grow and stay below the next range's, so no key collides meanwhile.
UPDATE ingest_errors e
   SET line_no = e.line_no + (SELECT coalesce(sum(r.lines), 0)
                                FROM sync_run_ranges r
                               WHERE r.run_id = e.run_id AND r.part = e.part AND r.range_start < e.range_start),
       range_start = 0
 WHERE e.run_id = :run_id AND e.range_start > 0;

-- @statement number-warning-lines
-- The same for the lines stored with a warning.
UPDATE ingest_warnings w
   SET line_no = w.line_no + (SELECT coalesce(sum(r.lines), 0)
                                FROM sync_run_ranges r
                               WHERE r.run_id = w.run_id AND r.part = w.part AND r.range_start < w.range_start),
       range_start = 0
 WHERE w.run_id = :run_id AND w.range_start > 0;
