/**
 * Installing and uninstalling the app on a shop: the OAuth authorization code grant (query HMAC, state nonce,
 * shop-domain check, code exchange for an expiring offline token), installing from the embedded admin by token
 * exchange, webhook subscriptions, and the {@link dev.neanelu.install.ShopInstalled} /
 * {@link dev.neanelu.install.ShopUninstalled} events other features observe (first full sync, cancelling jobs).
 * Tokens themselves are {@code dev.neanelu.token}'s; the HTTP endpoints are in {@code dev.neanelu.web.auth}.
 */
package dev.neanelu.install;
