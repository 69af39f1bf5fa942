/**
 * Shopify's OAuth server for simulated shops: authorization codes, offline (optionally expiring)
 * and online tokens, refresh rotation, token exchange, token lifetimes and the OAuth HMAC.
 */
package dev.neanelu.simulator.oauth;
