/**
 * A shop's catalog: compact immutable product records with their variants, metafields and media,
 * the indexes for paging, the search syntax, the deterministic generator and the bulk-JSONL loader;
 * metafield definitions and the app-reserved namespace rules that decide which metafields an app
 * may read and write. Nothing here knows about GraphQL or HTTP.
 */
package dev.neanelu.simulator.catalog;
