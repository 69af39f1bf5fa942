/**
 * Shopify's calculated query cost and the leaky bucket per (app, shop) pair. Plain Java, driven by
 * an injected clock.
 */
package dev.neanelu.simulator.cost;
