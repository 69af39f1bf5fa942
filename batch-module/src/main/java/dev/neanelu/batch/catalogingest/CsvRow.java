package dev.neanelu.batch.catalogingest;

import java.nio.charset.StandardCharsets;

/**
 * One line as its CSV row for the {@code chunk_lines} COPY ({@code line_no, type, id, parent_type, parent_id, doc}),
 * built on the read-ahead thread so the chunk loop only concatenates rows. The JSON goes in as the bytes received,
 * quoted with quotes doubled: building a String and encoding it again was most of the load step's CPU (JFR), and a
 * quote byte never occurs inside a multi-byte UTF-8 sequence, so doubling bytes is safe.
 */
final class CsvRow {

  private CsvRow() {}

  static byte[] of(StagedLine line) {
    byte[] json = line.json();
    int quotes = 0;
    for (byte b : json) {
      if (b == '"') {
        quotes++;
      }
    }
    String head = line.number() + "," + line.gid().type() + "," + line.gid().id() + ","
        + (line.parent() == null ? "," : line.parent().type() + "," + line.parent().id()) + ",";
    byte[] prefix = head.getBytes(StandardCharsets.US_ASCII);
    byte[] row = new byte[prefix.length + json.length + quotes + 3];
    System.arraycopy(prefix, 0, row, 0, prefix.length);
    int at = prefix.length;
    row[at++] = '"';
    for (byte b : json) {
      row[at++] = b;
      if (b == '"') {
        row[at++] = '"';
      }
    }
    row[at++] = '"';
    row[at] = '\n';
    return row;
  }
}
