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
