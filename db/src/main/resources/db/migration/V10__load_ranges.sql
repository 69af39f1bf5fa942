-- The load step reads a file in byte ranges at once (one partition and one PostgreSQL connection each). A range
-- that starts inside the file does not know how many lines came before it, so its bad lines are recorded with
-- their number within the range (range_start > 0); once every range has been read, each range's line count is
-- known and the numbers are made the file's (range_start back to 0).

ALTER TABLE ingest_errors ADD COLUMN range_start bigint NOT NULL DEFAULT 0;
ALTER TABLE ingest_errors DROP CONSTRAINT ingest_errors_pkey;
ALTER TABLE ingest_errors ADD PRIMARY KEY (run_id, part, range_start, line_no);

-- How many lines each range of a part held, recorded when the range has been read to its end.
CREATE TABLE sync_run_ranges (
    run_id      uuid    NOT NULL REFERENCES sync_runs (run_id) ON DELETE CASCADE,
    shop_id     uuid    NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    part        integer NOT NULL,
    range_start bigint  NOT NULL,
    lines       bigint  NOT NULL,
    PRIMARY KEY (run_id, part, range_start)
);
ALTER TABLE sync_run_ranges ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_run_ranges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sync_run_ranges
    USING (shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);
