package dev.neanelu.batch.catalogingest;

/**
 * A valid JSONL line, ready to be written.
 *
 * @param number line number in its file
 * @param gid the object's Shopify id
 * @param parent {@code __parentId}, null for root objects
 * @param json the line as received: its UTF-8 bytes, already checked to be valid UTF-8 and one JSON object
 */
public record StagedLine(long number, Gid gid, Gid parent, byte[] json) {}
