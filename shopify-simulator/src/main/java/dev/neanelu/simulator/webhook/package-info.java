/**
 * Webhook delivery with Shopify's header set and HMAC, retries with backoff, duplicate and reorder
 * faults, and the REST-shaped payloads.
 */
package dev.neanelu.simulator.webhook;
