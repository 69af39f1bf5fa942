/**
 * State shared between Liberty instances. With {@code REDIS_URL} set it lives in Redis; without it each component
 * falls back to an in-JVM equivalent, which is correct only for a single node (said once in the log at start-up).
 */
package dev.neanelu.cluster;
