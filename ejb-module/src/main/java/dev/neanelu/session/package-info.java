/**
 * App Bridge session tokens: how the embedded admin's front end proves which shop (and user) a request comes from.
 * Verification only (HS256 with the app's client secret, audience, time window, issuer and destination); the HTTP
 * filter that requires them lives in {@code dev.neanelu.web.admin}.
 */
package dev.neanelu.session;
