/** MicroProfile Health checks: readiness of the database, schema and Redis; liveness of the JVM. */
package dev.neanelu.health;
