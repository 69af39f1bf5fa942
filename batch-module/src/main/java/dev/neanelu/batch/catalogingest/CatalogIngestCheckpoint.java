package dev.neanelu.batch.catalogingest;

import java.io.Serializable;

/**
 * Where the load step stands: the part being read (see {@link ExportPart}), the byte offset just after the last line
 * read in it, and that line's number. Committed with each chunk, so a restart reopens the part's download with a
 * Range request from {@code byteOffset}.
 */
public record CatalogIngestCheckpoint(int part, long byteOffset, long lineNumber) implements Serializable {

  private static final long serialVersionUID = 2L;

  static final CatalogIngestCheckpoint START = new CatalogIngestCheckpoint(0, 0, 0);

  CatalogIngestCheckpoint after(PreparedLine line) {
    return new CatalogIngestCheckpoint(line.part(), line.endOffset(), line.number());
  }

  /** The start of the next part, once this one has been read to its end. */
  CatalogIngestCheckpoint nextPart(int next) {
    return new CatalogIngestCheckpoint(next, 0, 0);
  }
}
