-- One catalog sync per shop, cluster-wide (dev.neanelu.catalog.SyncClaims).
--
-- A job execution claims its shop before it does anything: it takes the session-level advisory lock
-- (1853189228, hashtext(<shop id>)) on a connection of its own that it keeps open until the job ends, and records itself
-- here. The lock is the liveness: it ends with the session, so with the JVM; pg_locks shows it to every other
-- session. A row whose holder's lock is gone belongs to an execution that died with its JVM; the resumer restarts
-- that job instance from its checkpoints. A clean end deletes the row.
CREATE TABLE sync_claims (
    shop_id          uuid        PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    job_instance_id  bigint      NOT NULL,
    job_execution_id bigint      NOT NULL,
    backend_pid      integer     NOT NULL,                 -- the session holding the advisory lock
    claimed_at       timestamptz NOT NULL DEFAULT now(),
    resume_attempts  integer     NOT NULL DEFAULT 0        -- automatic restarts of this job instance after crashes
);

ALTER TABLE sync_claims ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_claims FORCE ROW LEVEL SECURITY;
-- Like the work queue: the resumer, which looks for dead claims of every shop, declares itself
-- (set_config('app.sync_resumer', 'on', true), done only by SyncClaims); everyone else sees their own shop's row.
CREATE POLICY resumer_or_tenant ON sync_claims
    USING (current_setting('app.sync_resumer', true) = 'on'
           OR shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);

-- The execution a run is on now, and the fair-dispatch work item that started it (if one did): the ops API follows
-- a queued sync through it, and the dispatcher's retries restart the same job instance.
ALTER TABLE sync_runs ADD COLUMN job_execution_id bigint;
ALTER TABLE sync_runs ADD COLUMN work_item_id bigint;
CREATE INDEX sync_runs_work_item ON sync_runs (shop_id, work_item_id) WHERE work_item_id IS NOT NULL;

-- Runs that died with their JVM are closed before a new run of the shop starts, so this holds at any time.
UPDATE sync_runs SET status = 'FAILED', outcome = 'Interrupted: its JVM stopped', finished_at = now()
 WHERE status = 'RUNNING'
   AND run_id NOT IN (SELECT DISTINCT ON (shop_id) run_id FROM sync_runs WHERE status = 'RUNNING'
                      ORDER BY shop_id, started_at DESC);
CREATE UNIQUE INDEX sync_runs_one_running ON sync_runs (shop_id) WHERE status = 'RUNNING';
