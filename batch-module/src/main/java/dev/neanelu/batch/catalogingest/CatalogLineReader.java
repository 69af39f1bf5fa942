package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URI;

/**
 * Reads the run's JSONL (Shopify's export URL, or the {@code jsonlUrl} the job was given) as raw lines. The
 * checkpoint is the byte offset and line number after the last line handed out, so a restart resumes the download
 * where the last committed chunk ended. An export with no objects has no URL: nothing to read.
 */
@Named
@Dependent
public class CatalogLineReader extends AbstractItemReader {

  @Inject IngestRun ingest;

  @Inject
  @BatchProperty(name = "line.max.bytes")
  String maxLineBytes;

  private JsonlSource source;
  private CatalogIngestCheckpoint checkpoint;

  @Override
  public void open(Serializable previous) {
    checkpoint = previous == null ? CatalogIngestCheckpoint.START : (CatalogIngestCheckpoint) previous;
    SyncRun run = ingest.run();
    if (run.sourceUrl() != null) {
      source = JsonlSource.open(URI.create(run.sourceUrl()), checkpoint, limit());
    }
  }

  @Override
  public Object readItem() {
    if (source == null) {
      return null;
    }
    RawLine line = source.next();
    if (line != null) {
      checkpoint = checkpoint.after(line);
    }
    return line;
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }

  /** 8 MiB unless the job says otherwise: far above any real product line, far below the heap. */
  private int limit() {
    return maxLineBytes == null || maxLineBytes.isBlank() ? 8 << 20 : Integer.parseInt(maxLineBytes.strip());
  }
}
