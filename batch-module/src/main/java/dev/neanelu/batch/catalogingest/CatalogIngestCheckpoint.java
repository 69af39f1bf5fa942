package dev.neanelu.batch.catalogingest;

import java.io.Serializable;

/**
 * Where a {@link LoadRange} of the load step stands: the part being read (see {@link ExportPart}), where the range
 * starts in it, the byte offset just after the last line read, and that line's number counted from the range's
 * first line. Committed with each chunk, so a restart reopens the range's download with a Range request from
 * {@code byteOffset}.
 */
public record CatalogIngestCheckpoint(int part, long rangeStart, long byteOffset, long lineNumber)
    implements Serializable {

  private static final long serialVersionUID = 3L;

  /** The start of a whole file. */
  static final CatalogIngestCheckpoint START = new CatalogIngestCheckpoint(0, 0, 0, 0);

  /** The start of a range, before any of its lines was read. */
  static CatalogIngestCheckpoint start(LoadRange range) {
    return new CatalogIngestCheckpoint(range.part(), range.start(), range.start(), 0);
  }

  CatalogIngestCheckpoint after(PreparedLine line) {
    return new CatalogIngestCheckpoint(part, rangeStart, line.endOffset(), line.number());
  }

  /**
   * Whether the offset may lie inside a line: a range that starts inside the file and has not read a line yet,
   * whose first line starts at the first newline's end.
   */
  boolean unaligned() {
    return rangeStart > 0 && lineNumber == 0;
  }
}
