-- Hostile content is stored, not fatal. A line whose text holds NUL (the JSON escape \u0000, which PostgreSQL text
-- and jsonb cannot hold) is stored with U+FFFD in its place and gets a warning record. A line that cannot be stored
-- stays an error record, now with the object it names when its id was readable: that object (and its stored
-- children) is then kept by the reconcile, since the run could not read what Shopify has for it.

CREATE TABLE ingest_warnings (
    shop_id     uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    run_id      uuid        NOT NULL REFERENCES sync_runs (run_id) ON DELETE CASCADE,
    part        integer     NOT NULL,
    range_start bigint      NOT NULL,                -- numbered within the range until the load step ends (V10)
    line_no     bigint      NOT NULL,
    gid         text        NOT NULL,
    fields      text[]      NOT NULL,                -- JSON pointers of the values (or names) that held NUL
    reason      text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, part, range_start, line_no)
);
ALTER TABLE ingest_warnings ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingest_warnings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ingest_warnings
    USING (shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);

-- The object a rejected line names, when its id could be read before the line failed: kind as the catalog tallies
-- it (products, variants, metafields, media, other) and the number of its gid. A child whose parent never arrived
-- is an error of its own, found after the load: it has a gid but no line number (the catalog keeps none).
-- Excerpts are no longer written: a line's text is the response body of whatever the URL served.
ALTER TABLE ingest_errors ADD COLUMN kind text CHECK (kind IN ('products', 'variants', 'metafields', 'media', 'other'));
ALTER TABLE ingest_errors ADD COLUMN object_id bigint;
ALTER TABLE ingest_errors ADD COLUMN gid text;
ALTER TABLE ingest_errors ALTER COLUMN excerpt DROP NOT NULL;
ALTER TABLE ingest_errors DROP CONSTRAINT ingest_errors_pkey;
ALTER TABLE ingest_errors ALTER COLUMN line_no DROP NOT NULL;
ALTER TABLE ingest_errors ADD CONSTRAINT ingest_errors_line UNIQUE (run_id, part, range_start, line_no);
CREATE UNIQUE INDEX ingest_errors_unnumbered ON ingest_errors (run_id, gid) WHERE line_no IS NULL;
ALTER TABLE ingest_errors ADD CONSTRAINT ingest_errors_object CHECK ((kind IS NULL) = (object_id IS NULL));

-- How the reconcile step ended for the run: everything reconciled, or nothing pruned or marked deleted because the
-- run held a failed export's partial data or rejected lines whose id was unreadable.
ALTER TABLE sync_runs ADD COLUMN reconcile text
    CHECK (reconcile IN ('RECONCILED', 'SKIPPED_PARTIAL_DATA', 'SKIPPED_UNREADABLE_IDS'));

-- A completed run that recorded error lines is SUCCEEDED_WITH_ERRORS.
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_status
    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'SUCCEEDED_WITH_ERRORS', 'FAILED'));
