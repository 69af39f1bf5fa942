/**
 * The database schema as versioned SQL migrations ({@code db/migration/V<n>__<what>.sql}, listed in order in
 * {@code db/migration/migrations.lst}) and the {@link dev.neanelu.db.Migrator} that applies them as the schema
 * owner. Application code does not live here; tools for a developer's local database live in {@code local}.
 */
package dev.neanelu.db;
