/**
 * Pacing by Shopify's cost model: a leaky bucket of cost points per shop (restore rate by plan, bucket about 20 s of
 * restore), mirrored locally so calls are sent only when Shopify's bucket can take them. The bucket lives in Redis
 * when configured (one Lua script, atomic, clocked by Redis so JVMs agree) and in this JVM otherwise. Plain Java;
 * the Shopify client drives it.
 */
package dev.neanelu.ratelimit;
