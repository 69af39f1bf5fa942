-- First tenant-scoped table, and the pattern every later one follows:
--   shop_id uuid NOT NULL, ENABLE + FORCE ROW LEVEL SECURITY, policy on app.current_shop_id.
-- NULLIF: once a transaction-local set_config has ended, the setting reads '' (not NULL) on that pooled
-- connection, and ''::uuid would raise instead of matching nothing.
CREATE TABLE products (
    shop_id      uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    product_id   bigint      NOT NULL,                   -- numeric part of gid://shopify/Product/N
    title        text        NOT NULL DEFAULT '',
    handle       text,
    status       text,
    vendor       text,
    product_type text,
    tags         text[]      NOT NULL DEFAULT '{}',
    created_at   timestamptz,
    updated_at   timestamptz,
    fields       jsonb       NOT NULL DEFAULT '{}',      -- every stored field under Shopify's own names
    deleted_at   timestamptz,
    synced_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, product_id)
);

ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON products
    USING (shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);
