-- Webhook deliveries, compliance requests and shop redaction.
--
-- The inbox holds every verified delivery the application will act on, stored on the request thread before the
-- 200 (one INSERT, committed with the fair-dispatch work item that applies it), so a delivery acknowledged to
-- Shopify survives any crash. Shopify delivers at least once: a retry or a second subscription repeats the event id,
-- and the unique key stores it once. The body is kept as received text (JSON text may escape NUL, which jsonb
-- refuses); handlers parse it.
CREATE TABLE webhook_inbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id      uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    topic        text        NOT NULL,
    webhook_id   text,                                     -- X-Shopify-Webhook-Id of the first delivery stored
    event_id     text        NOT NULL,                     -- X-Shopify-Event-Id: the same for every copy of an event
    triggered_at timestamptz,
    api_version  text,
    body         text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    status       text        NOT NULL DEFAULT 'received',
    processed_at timestamptz,
    outcome      text,                                     -- what applying it did, or why it was not applied
    CONSTRAINT webhook_inbox_status_known CHECK (status IN ('received', 'applied', 'skipped', 'stale', 'failed')),
    CONSTRAINT webhook_inbox_one_per_event UNIQUE (shop_id, event_id)
);
CREATE INDEX webhook_inbox_pending ON webhook_inbox (shop_id, id) WHERE status = 'received';

-- customers/data_request and customers/redact as recorded and answered. Only Shopify's ids are kept: the
-- deliveries' e-mail addresses and phone numbers are removed from the inbox once the request is recorded.
CREATE TABLE compliance_requests (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id         uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    inbox_id        bigint      NOT NULL UNIQUE,            -- the delivery it came from: recorded once
    topic           text        NOT NULL CHECK (topic IN ('customers/data_request', 'customers/redact')),
    customer_id     bigint,
    data_request_id bigint,
    orders          bigint[]    NOT NULL DEFAULT '{}',
    report          jsonb       NOT NULL,                   -- what Neanelu holds for the customer, or what it erased
    received_at     timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhook_inbox', 'compliance_requests'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING '
                   '(shop_id = NULLIF(current_setting(''app.current_shop_id'', true), '''')::uuid)', t);
  END LOOP;
END $$;

-- shop/redact: every row of the shop is erased from every table with a shop_id column; the registry row stays,
-- marked, so a later delivery for the shop is recognised, and an audit record says when and how much. The audit is
-- not tenant data (it must outlive the tenant's rows), so it names the shop by its registry id in another column.
ALTER TABLE shops ADD COLUMN redacted_at timestamptz;

CREATE TABLE shop_redactions (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    redacted     uuid        NOT NULL REFERENCES shops (id),
    shop_domain  text        NOT NULL,
    event_id     text        NOT NULL,
    requested_at timestamptz,                               -- X-Shopify-Triggered-At of the shop/redact delivery
    redacted_at  timestamptz NOT NULL DEFAULT now(),
    rows_deleted jsonb       NOT NULL                       -- table name -> rows deleted
);
CREATE INDEX shop_redactions_shop ON shop_redactions (redacted, redacted_at DESC);

-- The reconciliation sweep of each shop: webhooks are not guaranteed, so every interval one instance reads the
-- products updated since the last sweep and applies what the webhooks missed. next_due_at is claimed with a
-- conditional update, so each due sweep is queued once across all instances.
CREATE TABLE catalog_sweeps (
    shop_id       uuid        PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    next_due_at   timestamptz NOT NULL,
    swept_through timestamptz,                               -- products updated up to here have been read
    last_swept_at timestamptz,
    last_outcome  text
);
ALTER TABLE catalog_sweeps ENABLE ROW LEVEL SECURITY;
ALTER TABLE catalog_sweeps FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON catalog_sweeps
    USING (shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);
