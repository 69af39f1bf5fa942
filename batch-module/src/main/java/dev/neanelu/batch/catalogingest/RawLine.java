package dev.neanelu.batch.catalogingest;

/**
 * One line of the JSONL as bytes, before any decoding.
 *
 * @param number 1-based line number in the file
 * @param endOffset byte offset just after the line's newline
 * @param bytes the line without its newline, or its first bytes when it was too long
 * @param overlong the line exceeded the limit and was cut; only the start was kept
 */
public record RawLine(long number, long endOffset, byte[] bytes, boolean overlong) {}
