package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URI;

/**
 * Reads the run's JSONL (Shopify's export URL, or the {@code jsonlUrl} the job was given) as lines already
 * validated by a {@link ReadAhead} thread. The checkpoint is the byte offset and line number after the last line
 * handed out, so a restart resumes the download where the last committed chunk ended. An export with no objects
 * has no URL: nothing to read.
 */
@Named
@Dependent
public class CatalogLineReader extends AbstractItemReader {

  @Inject IngestRun ingest;

  @Inject
  @BatchProperty(name = "line.max.bytes")
  String maxLineBytes;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private ReadAhead lines;
  private CatalogIngestCheckpoint checkpoint;

  @Override
  public void open(Serializable previous) {
    checkpoint = previous == null ? CatalogIngestCheckpoint.START : (CatalogIngestCheckpoint) previous;
    SyncRun run = ingest.run();
    if (run.sourceUrl() != null) {
      lines = new ReadAhead(JsonlSource.open(URI.create(run.sourceUrl()), checkpoint, limit()), threads);
    }
  }

  @Override
  public Object readItem() throws InterruptedException {
    if (lines == null) {
      return null;
    }
    PreparedLine line = lines.next();
    if (line != null) {
      checkpoint = checkpoint.after(line.raw());
    }
    return line;
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  @Override
  public void close() {
    if (lines != null) {
      lines.close();
    }
  }

  /** 8 MiB unless the job says otherwise: far above any real product line, far below the heap. */
  private int limit() {
    return maxLineBytes == null || maxLineBytes.isBlank() ? 8 << 20 : Integer.parseInt(maxLineBytes.strip());
  }
}
