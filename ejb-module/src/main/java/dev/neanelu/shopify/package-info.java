/**
 * The boundary to Shopify's Admin GraphQL API. {@link dev.neanelu.shopify.ShopifyClient} is the one facade the rest
 * of the application uses: {@code execute(shop, document, variables)} returns {@code data} or throws a typed
 * {@link dev.neanelu.shopify.ShopifyException}. Underneath, {@link dev.neanelu.shopify.GraphqlCaller} paces every
 * call through the shop's cost bucket ({@code ratelimit}), waits out THROTTLED answers (which arrive as HTTP 200)
 * and 429s, and translates statuses into exceptions; the transport is a MicroProfile Rest Client. GraphQL documents
 * are {@code .graphql} resources, never strings built in code.
 */
package dev.neanelu.shopify;
