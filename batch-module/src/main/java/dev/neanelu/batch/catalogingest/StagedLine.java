package dev.neanelu.batch.catalogingest;

import java.time.Instant;

/**
 * A valid JSONL line, ready to be written.
 *
 * @param number line number in its file
 * @param gid the object's Shopify id
 * @param parent {@code __parentId}, null for root objects
 * @param kind what the catalog does with it
 * @param columns the values of the line's {@link Column}s (indexed by ordinal; null when absent): an {@link Instant}
 *     for a date, an {@link Integer} for the position, a String otherwise
 * @param json the line as received: its UTF-8 bytes, already checked to be valid UTF-8 and one JSON object; null
 *     once the COPY row is built
 * @param cutAt where a trailing {@code __parentId} member starts (its comma), or -1 when the JSON is kept whole
 * @param parentInside the JSON keeps a {@code __parentId} member that is not last, for SQL to remove
 * @param row the line's {@link CopyRow}, or null until {@link #withRow(int, long, CopyRow)} built it
 * @param part the run's part (file) the line came from
 * @param warning why the line is stored altered (text that held NUL), or null
 */
public record StagedLine(
    long number, Gid gid, Gid parent, LineKind kind, Object[] columns, byte[] json, int cutAt, boolean parentInside,
    byte[] row, int part, LineWarning warning) {

  /** This line of the given part and range, with its COPY row; the JSON bytes are not kept twice. */
  StagedLine withRow(int part, long rangeStart, CopyRow rows) {
    return new StagedLine(number, gid, parent, kind, columns, null, cutAt, parentInside, rows.of(this), part,
        warning == null ? null : warning.in(part, rangeStart));
  }

  /** The object's top-level {@code updatedAt}, or null (media has none). */
  Instant updatedAt() {
    return (Instant) columns[Column.UPDATED_AT.ordinal()];
  }

  /**
   * Whether this line should replace {@code other}, a line with the same id in the same chunk: the newest
   * {@code updatedAt} wins (one without a date loses to one with), and the later line on a tie.
   */
  boolean supersedes(StagedLine other) {
    Instant mine = updatedAt();
    Instant theirs = other.updatedAt();
    if (mine == null && theirs != null) {
      return false;
    }
    if (mine != null && theirs == null) {
      return true;
    }
    if (mine != null && !mine.equals(theirs)) {
      return mine.isAfter(theirs);
    }
    return part != other.part ? part > other.part : number > other.number;
  }
}
