/**
 * The token lifecycle of every installed shop: the expiring offline access token and its rotating refresh token,
 * sealed at rest, refreshed single-flight across JVMs, migrated from legacy non-expiring tokens, and re-sealed when
 * the encryption key rotates. {@link dev.neanelu.token.TokenService} is the application's one
 * {@link dev.neanelu.shopify.AccessTokens}. Talking to Shopify's OAuth token endpoint lives here too
 * ({@link dev.neanelu.token.TokenEndpoint}); installing (OAuth redirects, webhooks) does not: see
 * {@code dev.neanelu.install}.
 */
package dev.neanelu.token;
