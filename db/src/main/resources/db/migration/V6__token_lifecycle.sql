-- Token lifecycle (issue 7, dev.neanelu.token): expiring offline tokens refreshed single-flight.
--
-- version: bumped by every write of the credential pair. A refresh runs under a per-shop advisory lock and writes
-- with "WHERE version = <the version it read>", so a writer that lost the lock (or a row deleted by an uninstall
-- meanwhile) can never overwrite a newer pair with an older one: the fencing token of the single-flight refresh.
ALTER TABLE shop_credentials ADD COLUMN version bigint NOT NULL DEFAULT 0;
