package dev.neanelu.simulator.shop;

/**
 * The app installed on a shop: its client id and secret (which keys HMACs and session tokens) and
 * its scopes.
 */
public record AppCredentials(String clientId, String clientSecret, String scopes) {}
