/**
 * A simulated shop and what belongs to it: plan, app credentials, cost bucket, webhook
 * subscriptions, faults and counters; and the registry of shops.
 */
package dev.neanelu.simulator.shop;
