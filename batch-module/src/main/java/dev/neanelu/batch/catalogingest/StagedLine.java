package dev.neanelu.batch.catalogingest;

/**
 * A valid JSONL line, ready to be written.
 *
 * @param number line number in its file
 * @param gid the object's Shopify id
 * @param parent {@code __parentId}, null for root objects
 * @param json the line as received: its UTF-8 bytes, already checked to be valid UTF-8 and one JSON object
 * @param csv the line's {@link CsvRow}, or null until {@link #withCsv(int)} built it
 * @param part the run's part (file) the line came from
 */
public record StagedLine(long number, Gid gid, Gid parent, byte[] json, byte[] csv, int part) {

  public StagedLine(long number, Gid gid, Gid parent, byte[] json) {
    this(number, gid, parent, json, null, 0);
  }

  /** This line of the given part, with its CSV row; the JSON bytes are not kept twice. */
  StagedLine withCsv(int part) {
    return new StagedLine(number, gid, parent, null, CsvRow.of(this), part);
  }
}
