/**
 * Keeps the database schema current: applies the {@code db} module's migrations at start-up, as the schema owner,
 * before anything else touches the database.
 */
package dev.neanelu.schema;
