package dev.neanelu.batch.catalogingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What one partition of the load step reads: the lines of part {@code part} that start at a byte offset in
 * {@code [start, end)}. A file is read in two (or more) ranges at once so that PostgreSQL merges on as many
 * connections, and cores: with one writer, one backend does all of the merging while the other core mostly waits.
 *
 * @param part the run's part (file), or -1 when the run has nothing to read
 * @param start the first byte of the range; the range's first line is the first one starting at or after it
 * @param end the byte offset where the next range starts, or -1 for the end of the file
 */
record LoadRange(int part, long start, long end) {

  static final String PART = "part";
  static final String START = "range.start";
  static final String END = "range.end";

  /** A range for a run without any file to read. */
  static final LoadRange NOTHING = new LoadRange(-1, 0, -1);

  static LoadRange of(String part, String start, String end) {
    return new LoadRange(Integer.parseInt(part.strip()), Long.parseLong(start.strip()), Long.parseLong(end.strip()));
  }

  /**
   * Cuts a part of {@code length} bytes (-1: unknown, or not readable in ranges) into at most {@code count} ranges
   * of at least {@code minBytes} bytes each, that cover it without gap or overlap; a part that cannot be cut is one
   * range.
   */
  static List<LoadRange> split(int part, long length, int count, long minBytes) {
    int n = length < 0 ? 1 : (int) Math.max(1, Math.min(count, length / minBytes));
    List<LoadRange> ranges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ranges.add(new LoadRange(part, length < 0 ? 0 : length * i / n, i == n - 1 ? -1 : length * (i + 1) / n));
    }
    return ranges;
  }

  boolean readable() {
    return part >= 0;
  }

  Properties properties() {
    Properties p = new Properties();
    p.setProperty(PART, Integer.toString(part));
    p.setProperty(START, Long.toString(start));
    p.setProperty(END, Long.toString(end));
    return p;
  }
}
