/**
 * The README's Run command's local stack, started by Maven (exec:java) in its own JVM before Liberty: the embedded
 * PostgreSQL and, for the demo, the Shopify simulator with a generated shop that is registered and synced once the
 * application is ready. A developer tool that lives with the integration tests because it needs the simulator; it
 * is never packaged into the EAR.
 */
package dev.neanelu.devstack;
