/**
 * Benchmark of the cost pacing ({@code dev.neanelu.shopify.GraphqlCaller} over the Redis bucket): two worker JVMs ×
 * 8 threads drive one simulated shop per plan; the coordinator reports utilisation of the restore rate and the
 * THROTTLED rate.
 */
package dev.neanelu.bench.pacing;
