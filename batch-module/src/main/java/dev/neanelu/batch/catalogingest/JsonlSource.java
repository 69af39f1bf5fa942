package dev.neanelu.batch.catalogingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * Streams a bulk-export JSONL over HTTP line by line, in constant memory: lines are cut from a fixed buffer as
 * bytes, a line longer than the limit is returned cut (and flagged) rather than buffered whole.
 *
 * <p>It reads the lines of one {@link LoadRange}: those that <em>start</em> in its byte range. A range that starts
 * inside the file asks for one byte before its start and drops everything up to the first newline (that line belongs
 * to the range before), and a range stops after the line that crosses its end; so adjacent ranges read every line
 * exactly once. Line numbers count from the range's first line.
 *
 * <p>When the connection breaks (an I/O error, or the body ends short of its announced length) the download is
 * reopened with a {@code Range} request from the end of the last complete line, up to {@value #RECONNECTS} times;
 * a gzip body (Content-Encoding) cannot be resumed by byte offset, so it is reopened from the start and the lines
 * already read are skipped.
 */
final class JsonlSource implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JsonlSource.class.getName());
  private static final int BUFFER = 1 << 20;
  private static final int RECONNECTS = 5;

  // One client for every download and length probe: it is thread-safe, and each client keeps a selector thread.
  // It follows no redirect: only URLs checked by SourceUrlPolicy are fetched.
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI uri;
  private final int maxLineBytes;
  /** Where the range ends: no line starting at or after this offset is read; -1 for the end of the file. */
  private final long end;
  /** The range starts inside the file and the source has not yet found its first line start. */
  private boolean aligning;
  private final byte[] buffer = new byte[BUFFER];
  private InputStream in;
  private int pos;
  private int limit;
  private long offset;
  private long lineNumber;
  private long remaining;
  private boolean gzip;
  private int reconnects;
  private volatile boolean closed;

  private JsonlSource(URI uri, int maxLineBytes, CatalogIngestCheckpoint from, long end) {
    this.uri = uri;
    this.maxLineBytes = maxLineBytes;
    this.offset = from.byteOffset();
    this.lineNumber = from.lineNumber();
    this.aligning = from.unaligned();
    this.end = end;
  }

  /** Reads the whole file from {@code from} on. */
  static JsonlSource open(URI uri, CatalogIngestCheckpoint from, int maxLineBytes) {
    return open(uri, from, -1, maxLineBytes);
  }

  /** Reads the lines that start before {@code end} (-1: the end of the file), from {@code from} on. */
  static JsonlSource open(URI uri, CatalogIngestCheckpoint from, long end, int maxLineBytes) {
    JsonlSource source = new JsonlSource(uri, maxLineBytes, from, end);
    source.connect();
    return source;
  }

  /**
   * The length of the file at {@code uri} when its server serves byte ranges of it uncompressed (so it can be read
   * in ranges); -1 otherwise. Asks for its first byte with a GET, as a signed storage URL allows no other method.
   */
  static long rangeableLength(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).header("Range", "bytes=0-0")
        .GET().build();
    try {
      HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
      closeBody(response); // a server that ignored the range would send the whole file
      boolean compressed = response.headers().firstValue("Content-Encoding").filter(v -> !v.equals("identity"))
          .isPresent();
      String contentRange = response.headers().firstValue("Content-Range").orElse("");
      int slash = contentRange.lastIndexOf('/');
      if (response.statusCode() != 206 || compressed || slash < 0 || contentRange.endsWith("*")) {
        return -1;
      }
      return Long.parseLong(contentRange.substring(slash + 1).strip());
    } catch (IOException | NumberFormatException e) {
      LOG.fine(() -> "Cannot tell the length of " + uri.getHost() + ": " + e.getMessage());
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted asking for the export's length", e);
    }
  }

  /** The next line, or null at the end of the file (or once closed: the read-ahead closes it from another thread). */
  RawLine next() {
    while (!closed) {
      try {
        return readLine();
      } catch (IOException e) {
        if (closed) {
          return null;
        }
        reconnect(e);
      }
    }
    return null;
  }

  private RawLine readLine() throws IOException {
    if (aligning) {
      dropPartialLine();
    }
    if (end >= 0 && offset >= end) {
      return null;
    }
    RawLine whole = lineInBuffer();
    if (whole != null) {
      return whole;
    }
    byte[] line = null;
    int length = 0;
    boolean overlong = false;
    long consumed = 0;
    while (true) {
      if (pos == limit && !fill()) {
        if (remaining > 0) {
          throw new IOException("body ended " + remaining + " bytes short");
        }
        return length == 0 && line == null ? null : finish(line, length, overlong, consumed);
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      int take = Math.min(end - pos, maxLineBytes - length);
      if (take > 0) {
        line = line == null ? new byte[Math.max(take, 256)] : line;
        line = line.length < length + take ? Arrays.copyOf(line, Math.max(length + take, line.length * 2)) : line;
        System.arraycopy(buffer, pos, line, length, take);
        length += take;
      }
      overlong |= end - pos > take;
      consumed += end - pos;
      pos = end;
      if (newline >= 0) {
        pos++;
        return finish(line, length, overlong, consumed + 1);
      }
    }
  }

  /**
   * The next line when it lies wholly in the buffer and within the limit (nearly every line): copied out once at its
   * size, instead of gathered into a growing array first.
   */
  private RawLine lineInBuffer() {
    if (pos == limit) {
      return null;
    }
    int newline = indexOfNewline();
    if (newline < 0 || newline - pos > maxLineBytes) {
      return null;
    }
    byte[] bytes = Arrays.copyOfRange(buffer, pos, newline);
    offset += newline - pos + 1;
    lineNumber++;
    pos = newline + 1;
    return new RawLine(lineNumber, offset, bytes, false);
  }

  private RawLine finish(byte[] line, int length, boolean overlong, long consumed) {
    offset += consumed;
    lineNumber++;
    byte[] bytes = line == null ? new byte[0] : Arrays.copyOf(line, length);
    return new RawLine(lineNumber, offset, bytes, overlong);
  }

  private int indexOfNewline() {
    for (int i = pos; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    if (!gzip) {
      remaining -= n;
    }
    return true;
  }

  /** Reopens the download where the last complete line ended; a refused connection is retried with backoff too. */
  private void reconnect(IOException cause) {
    LOG.warning(() -> "Export download interrupted at byte " + offset + " (line " + lineNumber + "): "
        + cause.getMessage() + "; resuming");
    closeQuietly();
    while (true) {
      if (++reconnects > RECONNECTS) {
        throw new UncheckedIOException("Download of the export broke " + RECONNECTS + " times; giving up", cause);
      }
      try {
        connect();
        return;
      } catch (UncheckedIOException e) {
        pause(reconnects);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while resuming the export download", e);
    }
  }

  private void connect() {
    // A range starting inside the file asks for the byte before it too: if that byte is a newline, the range's
    // first line starts right at its start.
    long from = gzip ? 0 : aligning ? offset - 1 : offset;
    HttpResponse<InputStream> response = send(from);
    int status = response.statusCode();
    if (status == 416) {
      in = InputStream.nullInputStream();
      pos = limit = 0;
      return;
    }
    if (status != 200 && status != 206) {
      closeBody(response);
      throw new IllegalStateException("The export download answered HTTP " + status);
    }
    gzip = response.headers().firstValue("Content-Encoding").map(v -> v.contains("gzip")).orElse(false);
    remaining = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    remaining = remaining < 0 ? 0 : remaining;
    if (gzip && end >= 0) {
      closeBody(response);
      throw new IllegalStateException("The export download turned compressed: it cannot be read in ranges");
    }
    try {
      in = gzip ? new GZIPInputStream(response.body(), 1 << 16) : response.body();
      pos = limit = 0;
      if (gzip || (status == 200 && from > 0)) {
        skipToPosition();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the export download", e);
    }
  }

  /**
   * The server ignored the range, or the body is compressed: read forward to where the checkpoint stands (for a
   * range not yet aligned, to the first line that starts at or after its start). The numbering stays the range's.
   */
  private void skipToPosition() throws IOException {
    long targetLine = lineNumber;
    long targetOffset = offset;
    boolean wasAligning = aligning;
    offset = 0;
    lineNumber = 0;
    aligning = false; // whole lines up to the range's start end where its first line starts
    try {
      while (gzip ? lineNumber < targetLine : offset < targetOffset) {
        if (readLine() == null) {
          break;
        }
      }
    } catch (IOException e) {
      // broken while skipping: the next connection starts from the same place
      offset = targetOffset;
      lineNumber = targetLine;
      aligning = wasAligning;
      throw e;
    }
    lineNumber = targetLine;
  }

  /**
   * Drops the bytes from one before the range's start up to and including the first newline: the end of the line
   * that belongs to the range before. The offset moves only once that is done, so a connection that breaks
   * meanwhile is reopened from the same place.
   */
  private void dropPartialLine() throws IOException {
    long at = offset - 1;
    while (true) {
      if (pos == limit && !fill()) {
        if (remaining > 0) {
          throw new IOException("body ended " + remaining + " bytes short");
        }
        break;
      }
      int newline = indexOfNewline();
      if (newline >= 0) {
        at += newline - pos + 1;
        pos = newline + 1;
        break;
      }
      at += limit - pos;
      pos = limit;
    }
    offset = at;
    aligning = false;
  }

  private HttpResponse<InputStream> send(long from) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET();
    if (from > 0) {
      request.header("Range", "bytes=" + from + "-");
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the export download", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted opening the export download", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException e) {
      LOG.fine(() -> "Closing the export download: " + e.getMessage());
    }
  }

  private static void closeBody(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      LOG.fine(() -> "Closing a refused download: " + e.getMessage());
    }
  }
}
