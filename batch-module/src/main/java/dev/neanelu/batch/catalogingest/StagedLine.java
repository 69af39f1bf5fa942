package dev.neanelu.batch.catalogingest;

/**
 * A valid JSONL line, ready to be written.
 *
 * @param number line number in its file
 * @param gid the object's Shopify id
 * @param parent {@code __parentId}, null for root objects
 * @param updatedAt the object's top-level {@code updatedAt} as written, or null (media has none)
 * @param json the line as received: its UTF-8 bytes, already checked to be valid UTF-8 and one JSON object; null
 *     once the CSV row is built
 * @param csv the line's {@link CsvRow}, or null until {@link #withCsv(int)} built it
 * @param part the run's part (file) the line came from
 */
public record StagedLine(
    long number, Gid gid, Gid parent, String updatedAt, byte[] json, byte[] csv, int part) {

  /** This line of the given part, with its CSV row; the JSON bytes are not kept twice. */
  StagedLine withCsv(int part) {
    return new StagedLine(number, gid, parent, updatedAt, null, CsvRow.of(this), part);
  }

  /**
   * Whether this line should replace {@code other}, a line with the same id in the same chunk: the newest
   * {@code updatedAt} wins (one without a date loses to one with), and the later line on a tie.
   */
  boolean supersedes(StagedLine other) {
    if (updatedAt == null && other.updatedAt != null) {
      return false;
    }
    if (updatedAt != null && other.updatedAt == null) {
      return true;
    }
    if (updatedAt != null && !updatedAt.equals(other.updatedAt)) {
      return java.time.Instant.parse(updatedAt).isAfter(java.time.Instant.parse(other.updatedAt));
    }
    return part != other.part ? part > other.part : number > other.number;
  }
}
