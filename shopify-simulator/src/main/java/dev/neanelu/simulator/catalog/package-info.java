/**
 * A shop's catalog: compact immutable product records with their variants, metafields and media,
 * the indexes for paging, the search syntax, the deterministic generator and the bulk-JSONL loader.
 * Nothing here knows about GraphQL or HTTP.
 */
package dev.neanelu.simulator.catalog;
