package dev.neanelu.batch.catalogingest;

import java.io.Serializable;

/**
 * Where the load step stands in the JSONL: the byte offset just after the last line read, and that line's number.
 * Committed with each chunk, so a restart reopens the download with a Range request from {@code byteOffset}.
 */
public record CatalogIngestCheckpoint(long byteOffset, long lineNumber) implements Serializable {

  private static final long serialVersionUID = 1L;

  static final CatalogIngestCheckpoint START = new CatalogIngestCheckpoint(0, 0);

  CatalogIngestCheckpoint after(RawLine line) {
    return new CatalogIngestCheckpoint(line.endOffset(), line.number());
  }
}
