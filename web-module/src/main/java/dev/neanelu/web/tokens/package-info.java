/**
 * Operator commands of the token lifecycle, under the ops API's basic auth: re-sealing every stored secret under the
 * current key ({@code POST /api/ops/key-rotation}) and migrating a shop's legacy non-expiring token
 * ({@code POST /api/ops/shops/{shop}/token-migration}).
 */
package dev.neanelu.web.tokens;
