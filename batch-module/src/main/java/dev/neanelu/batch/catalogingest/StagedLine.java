package dev.neanelu.batch.catalogingest;

/**
 * A valid JSONL line ready for staging.
 *
 * @param number line number in the file
 * @param gid the object's Shopify id
 * @param type the object type taken from the gid ({@code Product}, {@code ProductVariant}, {@code Metafield}, ...)
 * @param parentGid {@code __parentId}, null for root objects
 * @param json the line as received: its UTF-8 bytes, already checked to be valid UTF-8 and one JSON object
 */
public record StagedLine(long number, String gid, String type, String parentGid, byte[] json) {}
