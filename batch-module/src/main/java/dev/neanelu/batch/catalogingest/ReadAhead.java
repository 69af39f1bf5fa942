package dev.neanelu.batch.catalogingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Downloads and validates lines on a thread of its own while the chunk loop writes earlier ones to PostgreSQL, so
 * that parsing in the JVM and merging in the database overlap instead of taking turns (the load step is otherwise
 * strictly read, process, write). Lines travel in batches through a small bounded queue: at most
 * {@value #QUEUED_BATCHES} batches of {@value #BATCH_LINES} lines or about {@value #BATCH_BYTES} bytes wait, whatever
 * the file's size.
 *
 * <p>The reader's checkpoint follows the lines it hands to the chunk loop, not how far this thread has read, so a
 * restart resumes after the last committed chunk; lines read ahead and never committed are simply read again.
 */
final class ReadAhead implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReadAhead.class.getName());
  // Room for about one chunk of the default 10,000 lines: while PostgreSQL merges one chunk this thread prepares the
  // next one (with less room, the chunk loop waited for the tail of every chunk).
  private static final int QUEUED_BATCHES = 10;
  private static final int BATCH_BYTES = 2 << 20;
  private static final int BATCH_LINES = 1024;

  /** Ends the stream: after the last line, or carrying the error that stopped the download. */
  private record End(RuntimeException error) {}

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final ArrayDeque<PreparedLine> current = new ArrayDeque<>();
  private final LoadRange range;
  private final JsonlSource source;
  private final Thread thread;
  private final LineValidator validator = new LineValidator();
  private final CopyRow rows = new CopyRow();
  private volatile boolean closed;
  private boolean ended;
  /** Time the chunk loop waited for lines, and this thread for room: which side of the load is the slower. */
  private long loopWaitNanos;
  private volatile long readerWaitNanos;

  /** Starts reading {@code source}, which reads {@code range}. */
  ReadAhead(LoadRange range, JsonlSource source, ThreadFactory threads) {
    this.range = range;
    this.source = source;
    this.thread = threads.newThread(this::run);
    thread.setName("catalog-ingest-read-ahead-" + range.part() + "@" + range.start());
    thread.start();
  }

  /** The next line, or null at the end of the file; rethrows what stopped the download. */
  PreparedLine next() throws InterruptedException {
    while (current.isEmpty()) {
      if (ended) {
        return null;
      }
      long waitFrom = System.nanoTime();
      Object taken = queue.take();
      loopWaitNanos += System.nanoTime() - waitFrom;
      if (taken instanceof End end) {
        ended = true;
        if (end.error() != null) {
          throw end.error();
        }
      } else {
        @SuppressWarnings("unchecked")
        List<PreparedLine> batch = (List<PreparedLine>) taken;
        current.addAll(batch);
      }
    }
    return current.poll();
  }

  private void run() {
    RuntimeException error = null;
    try {
      List<PreparedLine> batch = new ArrayList<>(BATCH_LINES);
      int bytes = 0;
      for (RawLine raw = source.next(); raw != null && !closed; raw = source.next()) {
        PreparedLine line = PreparedLine.of(range, raw, validator, rows);
        batch.add(line);
        bytes += line.weight();
        if (batch.size() == BATCH_LINES || bytes >= BATCH_BYTES) {
          long waitFrom = System.nanoTime();
          queue.put(batch);
          readerWaitNanos += System.nanoTime() - waitFrom;
          batch = new ArrayList<>(BATCH_LINES);
          bytes = 0;
        }
      }
      if (!batch.isEmpty()) {
        queue.put(batch);
      }
    } catch (InterruptedException e) {
      return; // closed while waiting for room: nobody reads any more
    } catch (RuntimeException e) {
      error = e;
      if (!closed) {
        LOG.log(Level.WARNING, "Reading the export failed", e);
      }
    }
    if (closed) {
      return; // nobody reads any more; a full queue must not keep this thread waiting
    }
    try {
      queue.put(new End(error));
    } catch (InterruptedException e) {
      // closed meanwhile: nobody reads any more
    }
  }

  @Override
  public void close() {
    LOG.info(() -> String.format(
        "Part %d from byte %d: the chunk loop waited %.1f s for lines, the read-ahead %.1f s for room",
        range.part(), range.start(), loopWaitNanos / 1e9, readerWaitNanos / 1e9));
    closed = true;
    thread.interrupt();
    source.close();
  }
}
