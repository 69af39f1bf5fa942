/**
 * Developer and test tooling for a local PostgreSQL: creating the owner and application roles and the database
 * (the bootstrap step the README's Run and Test commands perform) and, when no {@code POSTGRES_URL} is configured,
 * an embedded PostgreSQL for the Run command. Never deployed: the EAR does not carry the embedded binaries.
 */
package dev.neanelu.db.local;
