-- The catalog as ingested from Shopify bulk exports, and the bookkeeping of each sync run. Every table is
-- tenant-scoped with the standard policy. Ids are the numeric part of Shopify's gids; each row keeps every field
-- we store under Shopify's own names in "fields", plus a few typed columns for queries.

CREATE TABLE sync_runs (
    run_id             uuid        PRIMARY KEY,                 -- UUIDv7
    shop_id            uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    job_instance_id    bigint      NOT NULL UNIQUE,             -- Liberty batch job instance; restarts keep it
    mode               text        NOT NULL CHECK (mode IN ('full', 'incremental')),
    source_url         text,                                    -- jsonlUrl given by the caller, else Shopify's url
    bulk_operation_id  text,                                    -- persisted before waiting: a restart resumes polling
    bulk_status        text,
    object_count       bigint,
    root_object_count  bigint,
    updated_since      timestamptz,                             -- incremental: updated_at:> this
    status             text        NOT NULL DEFAULT 'RUNNING',  -- RUNNING, SUCCEEDED, FAILED
    outcome            text,
    lines_loaded       bigint      NOT NULL DEFAULT 0,
    counts             jsonb       NOT NULL DEFAULT '{}',
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz
);
CREATE INDEX sync_runs_shop_started ON sync_runs (shop_id, started_at DESC);

-- One row per JSONL line of the current run, in any order; the merge joins children to parents by parent_gid.
-- UNLOGGED: rebuilt from the export after a crash, so WAL would only slow the load.
CREATE UNLOGGED TABLE catalog_staging (
    shop_id    uuid   NOT NULL,
    run_id     uuid   NOT NULL,
    line_no    bigint NOT NULL,
    gid        text   NOT NULL,
    type       text   NOT NULL,
    parent_gid text,
    doc        jsonb  NOT NULL,
    PRIMARY KEY (run_id, line_no)
);

CREATE TABLE ingest_errors (
    shop_id  uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    run_id   uuid        NOT NULL REFERENCES sync_runs (run_id) ON DELETE CASCADE,
    line_no  bigint      NOT NULL,
    reason   text        NOT NULL,
    excerpt  text        NOT NULL,
    at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, line_no)
);

CREATE TABLE product_variants (
    shop_id    uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    variant_id bigint      NOT NULL,
    product_id bigint      NOT NULL,
    sku        text,
    title      text,
    position   integer,
    updated_at timestamptz,
    fields     jsonb       NOT NULL,
    synced_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, variant_id)
);
CREATE INDEX product_variants_product ON product_variants (shop_id, product_id);

CREATE TABLE metafields (
    shop_id      uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    metafield_id bigint      NOT NULL,
    owner_type   text        NOT NULL CHECK (owner_type IN ('Product', 'ProductVariant')),
    owner_id     bigint      NOT NULL,
    namespace    text        NOT NULL,
    key          text        NOT NULL,
    updated_at   timestamptz,
    fields       jsonb       NOT NULL,
    synced_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, metafield_id)
);
CREATE INDEX metafields_owner ON metafields (shop_id, owner_type, owner_id);

CREATE TABLE product_media (
    shop_id    uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    media_id   bigint      NOT NULL,
    product_id bigint      NOT NULL,
    media_type text        NOT NULL,
    fields     jsonb       NOT NULL,
    synced_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, media_id)
);
CREATE INDEX product_media_product ON product_media (shop_id, product_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sync_runs', 'catalog_staging', 'ingest_errors', 'product_variants', 'metafields',
                           'product_media'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING '
                   '(shop_id = NULLIF(current_setting(''app.current_shop_id'', true), '''')::uuid)', t);
  END LOOP;
END $$;
