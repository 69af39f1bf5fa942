/**
 * App Bridge session tokens (HS256 JWTs signed with the app's client secret): minting for tests and
 * verification for token exchange.
 */
package dev.neanelu.simulator.session;
