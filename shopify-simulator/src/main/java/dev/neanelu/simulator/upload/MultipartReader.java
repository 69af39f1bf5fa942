package dev.neanelu.simulator.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming reader of {@code multipart/form-data} bodies: parts come one at a time and their
 * content is copied to a sink without holding it in memory, so a 100 MB upload costs a 64 KB
 * buffer. The JDK has no multipart parser and the simulator needs to see part order (Shopify's
 * storage rejects a {@code file} field that is not last).
 */
final class MultipartReader {

  /** The body is not valid multipart, or a part exceeded its limit. */
  static final class MalformedException extends IOException {
    MalformedException(String message) {
      super(message);
    }
  }

  /** A part's content went past the allowed size. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super("part too large");
    }
  }

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int len;
  private boolean finished;
  private Map<String, String> headers = Map.of();

  MultipartReader(InputStream in, String boundary) throws IOException {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // The first boundary has no CRLF before it: skip the preamble up to "--boundary".
    byte[] first = Arrays.copyOfRange(delimiter, 2, delimiter.length);
    if (!copyUntil(first, OutputStream.nullOutputStream(), Long.MAX_VALUE)) {
      throw new MalformedException("no opening boundary");
    }
    afterDelimiter();
  }

  static String boundary(String contentType) throws MalformedException {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new MalformedException("expected multipart/form-data");
    }
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        return p.substring(9).replace("\"", "");
      }
    }
    throw new MalformedException("no boundary");
  }

  /** Moves to the next part; false once the closing boundary was read. */
  boolean next() throws IOException {
    if (finished) {
      return false;
    }
    headers = readHeaders();
    return true;
  }

  /** The form field name of the current part. */
  String name() {
    return dispositionParam("name");
  }

  String filename() {
    return dispositionParam("filename");
  }

  /** Copies the current part's content to the sink; at most {@code limit} bytes. */
  long copyTo(OutputStream sink, long limit) throws IOException {
    CountingStream counting = new CountingStream(sink, limit);
    if (!copyUntil(delimiter, counting, limit)) {
      throw new MalformedException("unterminated part");
    }
    afterDelimiter();
    return counting.count;
  }

  String text() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    copyTo(out, 1 << 20);
    return out.toString(StandardCharsets.UTF_8);
  }

  private void afterDelimiter() throws IOException {
    int a = read();
    int b = read();
    if (a == '-' && b == '-') {
      finished = true;
    } else if (a != '\r' || b != '\n') {
      throw new MalformedException("bad boundary line");
    }
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = read();
      if (c < 0) {
        throw new MalformedException("unterminated headers");
      }
      if (c == '\n') {
        String l = line.toString().trim();
        if (l.isEmpty()) {
          return out;
        }
        int colon = l.indexOf(':');
        if (colon > 0) {
          out.put(
              l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
  }

  private String dispositionParam(String key) {
    String disposition = headers.getOrDefault("content-disposition", "");
    for (String part : disposition.split(";")) {
      String p = part.trim();
      if (p.startsWith(key + "=")) {
        return p.substring(key.length() + 1).replace("\"", "");
      }
    }
    return null;
  }

  /** Copies bytes up to the delimiter (consumed, not copied); false on end of stream. */
  private boolean copyUntil(byte[] delim, OutputStream sink, long limit) throws IOException {
    while (true) {
      int found = indexOf(delim);
      if (found >= 0) {
        sink.write(buf, pos, found - pos);
        pos = found + delim.length;
        return true;
      }
      // Keep a tail that might be the start of the delimiter; flush the rest.
      int safe = Math.max(pos, len - delim.length + 1);
      sink.write(buf, pos, safe - pos);
      pos = safe;
      if (!fill()) {
        return false;
      }
    }
  }

  private int indexOf(byte[] delim) {
    outer:
    for (int i = pos; i <= len - delim.length; i++) {
      for (int j = 0; j < delim.length; j++) {
        if (buf[i + j] != delim[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, len - pos);
      len -= pos;
      pos = 0;
    }
    int n = in.read(buf, len, buf.length - len);
    if (n <= 0) {
      return false;
    }
    len += n;
    return true;
  }

  private int read() throws IOException {
    if (pos >= len && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private static final class CountingStream extends OutputStream {
    private final OutputStream target;
    private final long limit;
    long count;

    CountingStream(OutputStream target, long limit) {
      this.target = target;
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new TooLargeException();
      }
      target.write(b, off, n);
    }
  }
}
