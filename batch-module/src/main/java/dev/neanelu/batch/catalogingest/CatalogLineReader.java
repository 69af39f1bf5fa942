package dev.neanelu.batch.catalogingest;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URI;
import java.util.List;

/**
 * Reads the files of the run's parts one after the other (usually one: Shopify's export URL, or the
 * {@code jsonlUrl} the job was given), as lines already validated by a {@link ReadAhead} thread. The checkpoint is
 * the part, byte offset and line number after the last line handed out, so a restart resumes the download where the
 * last committed chunk ended. A part whose export had no objects has no URL: nothing to read.
 */
@Named
@Dependent
public class CatalogLineReader extends AbstractItemReader {

  @Inject IngestRun ingest;
  @Inject ExportParts parts;
  @Inject StepContext step;

  @Inject
  @BatchProperty(name = "line.max.bytes")
  String maxLineBytes;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private List<ExportPart> readable;
  private ReadAhead lines;
  private CatalogIngestCheckpoint checkpoint;

  @Override
  public void open(Serializable previous) {
    checkpoint = previous == null ? CatalogIngestCheckpoint.START : (CatalogIngestCheckpoint) previous;
    readable = parts.list(ingest.run()).stream().filter(ExportPart::readable).toList();
    openPart(checkpoint);
  }

  @Override
  public Object readItem() throws InterruptedException {
    while (lines != null) {
      PreparedLine line = lines.next();
      if (line != null) {
        checkpoint = checkpoint.after(line);
        ChunkBudget.usage(step).add(line.weight());
        return line;
      }
      lines.close();
      lines = null;
      nextPart().ifPresent(next -> openPart(checkpoint.nextPart(next.part())));
    }
    return null;
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

  /** Opens the first readable part at or after the checkpoint's, from the checkpoint's offset if it is that part. */
  private void openPart(CatalogIngestCheckpoint from) {
    readable.stream()
        .filter(p -> p.part() >= from.part())
        .findFirst()
        .ifPresent(
            p -> {
              CatalogIngestCheckpoint start = p.part() == from.part() ? from : from.nextPart(p.part());
              checkpoint = start;
              lines = new ReadAhead(p.part(), JsonlSource.open(URI.create(p.url()), start, limit()), threads);
            });
  }

  private java.util.Optional<ExportPart> nextPart() {
    return readable.stream().filter(p -> p.part() > checkpoint.part()).findFirst();
  }

  /** 8 MiB unless the job says otherwise: far above any real product line, far below the heap. */
  private int limit() {
    return maxLineBytes == null || maxLineBytes.isBlank() ? 8 << 20 : Integer.parseInt(maxLineBytes.strip());
  }
}
