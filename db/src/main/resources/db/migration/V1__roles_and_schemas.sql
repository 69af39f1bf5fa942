-- Privileges of the application role. The migrator runs as the schema owner; the application connects as
-- ${app_role}, which owns nothing, so row-level security (FORCE'd on every tenant table) always applies to it.

GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- Liberty's batch job repository creates its own tables (createTables="true") but never schemas.
-- It shares the application's JTA data source, because chunk checkpoints commit in the chunk's transaction.
CREATE SCHEMA IF NOT EXISTS jbatch;
GRANT USAGE, CREATE ON SCHEMA jbatch TO ${app_role};

GRANT SELECT ON neanelu_schema_history TO ${app_role};
