-- The fair dispatcher's work queue (dev.neanelu.fairness): per-shop partitions of work, claimed with
-- FOR UPDATE SKIP LOCKED under leases that a heartbeat renews, retried with backoff, dead-lettered after N attempts.
--
-- Cross-tenant infrastructure. A dispatcher picks WHICH shop runs next, so it must see every shop's queue; the
-- task itself then runs inside TenantContext for the item's shop. Row-level security is still ENABLE'd and FORCE'd,
-- with a policy that opens all rows only to a transaction that declared itself the dispatcher
-- (set_config('app.work_dispatcher', 'on', true), done by PostgresWorkQueue on every transaction), and otherwise
-- behaves like every tenant table: a TenantContext transaction sees only its own shop's items, code that set
-- neither sees none. This guards against accidental cross-tenant reads; it is not a boundary against the
-- application itself, which is trusted with both settings.
--
-- Never put secrets in payload or last_error: the ops API shows both (the dispatcher also redacts token shapes).

-- One row per shop that ever had work: the per-shop lock that serialises claims across JVMs (so the running count
-- checked against the cap cannot be raced), and the shop's own concurrency cap.
CREATE TABLE work_shops (
    shop_id         uuid        PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    max_concurrency integer     CHECK (max_concurrency > 0),   -- NULL: the default for the shop's plan
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE work_items (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- also the FIFO order within a shop
    queue            text        NOT NULL DEFAULT 'main',   -- a dispatcher serves one queue
    shop_id          uuid        NOT NULL REFERENCES work_shops (shop_id) ON DELETE CASCADE,
    kind             text        NOT NULL,                  -- selects the handler, e.g. catalog-sync, token-refresh
    payload          text        NOT NULL DEFAULT '',
    state            text        NOT NULL DEFAULT 'ready',
    attempts         integer     NOT NULL DEFAULT 0,        -- claims so far, including a running one
    max_attempts     integer     NOT NULL DEFAULT 5,
    run_after        timestamptz NOT NULL DEFAULT now(),    -- backoff: not claimable before
    lease_owner      text,                                  -- the dispatcher holding it while running
    lease_expires_at timestamptz,
    last_error       text,
    completed_by     text,                                  -- the dispatcher whose success was recorded
    enqueued_at      timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    CONSTRAINT work_items_state_known CHECK (state IN ('ready', 'running', 'done', 'dead')),
    CONSTRAINT work_items_attempts_bounded CHECK (max_attempts > 0 AND attempts >= 0),
    CONSTRAINT work_items_running_has_lease
        CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);

-- Claims: the oldest ready item of one shop in one queue (partial, so done rows cost nothing).
CREATE INDEX work_items_ready ON work_items (queue, shop_id, id) WHERE state = 'ready';
-- The per-shop running count, heartbeats and the reaper of expired leases.
CREATE INDEX work_items_running ON work_items (shop_id, lease_expires_at) WHERE state = 'running';
CREATE INDEX work_items_dead ON work_items (shop_id, finished_at) WHERE state = 'dead';

ALTER TABLE work_shops ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_shops FORCE ROW LEVEL SECURITY;
CREATE POLICY dispatcher_or_tenant ON work_shops
    USING (current_setting('app.work_dispatcher', true) = 'on'
           OR shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);

ALTER TABLE work_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_items FORCE ROW LEVEL SECURITY;
CREATE POLICY dispatcher_or_tenant ON work_items
    USING (current_setting('app.work_dispatcher', true) = 'on'
           OR shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);
