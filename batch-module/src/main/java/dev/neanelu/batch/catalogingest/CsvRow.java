package dev.neanelu.batch.catalogingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a line's CSV row for the {@code chunk_rows} COPY ({@code line_no, kind, type, id, parent_type, parent_id,
 * strip_parent}, the {@link Column}s, then {@code doc}) on the read-ahead thread, so the chunk loop only streams
 * rows. The JSON goes in as the bytes received, quoted with quotes doubled (a quote byte never occurs inside a
 * multi-byte UTF-8 sequence, so doubling bytes is safe), without a trailing {@code __parentId} member: it is not a
 * field of the object. Column values are quoted, so an empty string stays empty and only an absent value is NULL.
 *
 * <p>One instance per thread: rows are assembled in a buffer it keeps, then copied out at their exact size.
 */
final class CsvRow {

  private static final int KEPT_BUFFER_BYTES = 1 << 20;

  private byte[] buffer = new byte[1 << 14];
  private int at;

  byte[] of(StagedLine line) {
    at = 0;
    number(line.number());
    text(line.kind().tally());
    text(line.gid().type());
    number(line.gid().id());
    if (line.parent() == null) {
      put((byte) ',');
      put((byte) ',');
    } else {
      text(line.parent().type());
      number(line.parent().id());
    }
    put((byte) ',');
    put((byte) (line.parentInside() ? 't' : 'f'));
    for (String value : line.columns()) {
      put((byte) ',');
      if (value != null) {
        quoted(value);
      }
    }
    put((byte) ',');
    json(line.json(), line.cutAt());
    put((byte) '\n');
    byte[] row = Arrays.copyOf(buffer, at);
    if (buffer.length > KEPT_BUFFER_BYTES) {
      buffer = new byte[1 << 14];
    }
    return row;
  }

  private void json(byte[] json, int cutAt) {
    int end = cutAt < 0 ? json.length : cutAt;
    ensure(end * 2 + 3);
    buffer[at++] = '"';
    for (int i = 0; i < end; i++) {
      byte b = json[i];
      buffer[at++] = b;
      if (b == '"') {
        buffer[at++] = '"';
      }
    }
    if (cutAt >= 0) {
      buffer[at++] = '}';
    }
    buffer[at++] = '"';
  }

  /** A value without commas, quotes or line breaks (a gid's type, a kind), unquoted, after its comma. */
  private void text(String value) {
    if (at > 0) {
      put((byte) ',');
    }
    ensure(value.length());
    for (int i = 0; i < value.length(); i++) {
      buffer[at++] = (byte) value.charAt(i);
    }
  }

  private void number(long value) {
    if (at > 0) {
      put((byte) ',');
    }
    String digits = Long.toString(value);
    ensure(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      buffer[at++] = (byte) digits.charAt(i);
    }
  }

  private void quoted(String value) {
    if (!asciiQuoted(value)) {
      quotedBytes(value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes an ASCII value without encoding it first; false (nothing written) when it is not ASCII. */
  private boolean asciiQuoted(String value) {
    int start = at;
    ensure(value.length() * 2 + 2);
    buffer[at++] = '"';
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        at = start;
        return false;
      }
      buffer[at++] = (byte) c;
      if (c == '"') {
        buffer[at++] = '"';
      }
    }
    buffer[at++] = '"';
    return true;
  }

  private void quotedBytes(byte[] utf8) {
    ensure(utf8.length * 2 + 2);
    buffer[at++] = '"';
    for (byte b : utf8) {
      buffer[at++] = b;
      if (b == '"') {
        buffer[at++] = '"';
      }
    }
    buffer[at++] = '"';
  }

  private void put(byte b) {
    ensure(1);
    buffer[at++] = b;
  }

  private void ensure(int more) {
    if (at + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + more));
    }
  }
}
