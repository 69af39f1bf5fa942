-- Load straight into the catalog, chunk by chunk, instead of staging the whole export first (issue 6 benchmark:
-- the jsonb staging table was written once and scanned about ten times, 4.4x the COPY ceiling).
--
-- Every catalog row remembers the last sync run that carried it (seen_run). After a complete export, what the run
-- did not carry is what Shopify no longer has: products are marked deleted, and children of exported products are
-- pruned, by comparing stamps, without ever holding the export's ids anywhere.

ALTER TABLE products         ADD COLUMN seen_run uuid;
ALTER TABLE product_variants ADD COLUMN seen_run uuid;
ALTER TABLE metafields       ADD COLUMN seen_run uuid;
ALTER TABLE product_media    ADD COLUMN seen_run uuid;

DROP TABLE catalog_staging;

-- One run may read several files: Shopify's partial data of a failed export, then the remainder, or the parts of a
-- window split after a TIMEOUT. Errors are keyed by the file (its position in the run) and the line within it.
ALTER TABLE ingest_errors ADD COLUMN part integer NOT NULL DEFAULT 0;
ALTER TABLE ingest_errors DROP CONSTRAINT ingest_errors_pkey;
ALTER TABLE ingest_errors ADD PRIMARY KEY (run_id, part, line_no);

-- What the verify step found: the sample compared, the metafields re-read with full pagination, and the metafield
-- namespaces of other apps that this app's token cannot read (shown by the catalog summary endpoint).
ALTER TABLE sync_runs ADD COLUMN verification jsonb;

-- The files one run reads, in order. Usually one: the bulk export, or the jsonlUrl given to the job. A FAILED export
-- that left partial data adds that file and a remainder export (products after the last one it holds); a TIMEOUT
-- splits the part's updated_at window in two and exports each half. A restart resumes from this table: the
-- operation of a part is persisted before anything waits on it.
CREATE TABLE sync_run_parts (
    run_id            uuid        NOT NULL REFERENCES sync_runs (run_id) ON DELETE CASCADE,
    shop_id           uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    part              integer     NOT NULL,
    origin            text        NOT NULL CHECK (origin IN ('export', 'file', 'partial', 'remainder', 'window')),
    updated_after     timestamptz,                    -- the part's window: updated_at:>after
    updated_before    timestamptz,                    --                    updated_at:<=before
    id_from           bigint,                         -- remainder: id:>=id_from
    bulk_operation_id text,
    status            text        NOT NULL DEFAULT 'PENDING',  -- PENDING, EXPORTING, READY, SPLIT
    url               text,
    object_count      bigint,
    root_object_count bigint,
    lines_loaded      bigint      NOT NULL DEFAULT 0,  -- added chunk by chunk: the truncation guard's per-part count
    roots_loaded      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, part)
);
ALTER TABLE sync_run_parts ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_run_parts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sync_run_parts
    USING (shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);
