/**
 * Catalog ingest benchmark (issue 6, {@code bench/ingest.sh}): helpers the script calls around the timed ingest.
 * {@link dev.neanelu.bench.ingest.BulkExport} runs the app's own export query once on the simulator and prints the
 * JSONL URL; {@link dev.neanelu.bench.ingest.CeilingRows} turns that JSONL into the CSV rows the merge would write,
 * for the {@code psql \copy} ceiling. Nothing here is timed; the timings are taken by the script.
 */
package dev.neanelu.bench.ingest;
