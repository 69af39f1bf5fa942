/**
 * The GraphQL Admin API on the real 2026-04 schema: schema loading and wiring, Shopify-shaped
 * errors, the request pipeline with cost and throttling, and the resolvers (GqlObject views of
 * catalog records, root query and mutation objects).
 */
package dev.neanelu.simulator.graphql;
