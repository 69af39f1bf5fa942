/**
 * Implementations behind {@code dev.neanelu.fairness}: the PostgreSQL work queue (migration V5) and the in-memory
 * one of the benchmark and unit tests, the runner that sends items to their kind's handler inside their tenant, the
 * combination of all shop gates, and the start-up bean that starts this JVM's dispatcher after the schema migration.
 * Nothing outside {@code fairness} should need these except tests and the benchmark.
 */
package dev.neanelu.fairness.internal;
