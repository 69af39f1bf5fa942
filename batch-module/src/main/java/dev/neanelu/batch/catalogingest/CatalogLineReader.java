package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
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

/**
 * Reads the lines of the partition's {@link LoadRange} (a whole file, usually Shopify's export URL or the
 * {@code jsonlUrl} the job was given, or a byte range of it), as lines already validated by a {@link ReadAhead}
 * thread. The checkpoint is the byte offset and line number after the last line handed out, so a restart resumes the
 * download where the last committed chunk ended. Having read its range to the end, it records how many lines the
 * range held, which numbers the bad lines of the ranges after it ({@link LineNumbers}).
 */
@Named
@Dependent
public class CatalogLineReader extends AbstractItemReader {

  @Inject IngestRun ingest;
  @Inject ExportParts parts;
  @Inject StepContext step;
  @Inject SafeDownloads downloads;

  @Inject
  @BatchProperty(name = LoadRange.PART)
  String part;

  @Inject
  @BatchProperty(name = LoadRange.START)
  String start;

  @Inject
  @BatchProperty(name = LoadRange.END)
  String end;

  @Inject
  @BatchProperty(name = "line.max.bytes")
  String maxLineBytes;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private SyncRun run;
  private LoadRange range;
  private ReadAhead lines;
  private CatalogIngestCheckpoint checkpoint;

  @Override
  public void open(Serializable previous) {
    run = ingest.run();
    range = LoadRange.of(part, start, end);
    checkpoint = previous == null ? CatalogIngestCheckpoint.start(range) : (CatalogIngestCheckpoint) previous;
    if (range.readable()) {
      String url = parts.list(run).stream().filter(p -> p.part() == range.part()).findFirst()
          .orElseThrow(() -> new IllegalStateException("The run has no part " + range.part()))
          .url();
      downloads.check(run, "The URL of part " + range.part(), url);
      lines = new ReadAhead(range, JsonlSource.open(URI.create(url), checkpoint, range.end(), limit()), threads);
    }
  }

  @Override
  public Object readItem() throws InterruptedException {
    if (lines == null) {
      return null;
    }
    PreparedLine line = lines.next();
    if (line == null) {
      lines.close();
      lines = null;
      parts.rangeRead(run, range, checkpoint.lineNumber());
      return null;
    }
    checkpoint = checkpoint.after(line);
    ChunkBudget.usage(step).add(line.weight());
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
