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
    int length = withoutParentId(line, json);
    int quotes = 0;
    for (int i = 0; i < length; i++) {
      byte b = json[i];
      if (b == '"') {
        quotes++;
      }
    }
    String head = line.number() + "," + line.gid().type() + "," + line.gid().id() + ","
        + (line.parent() == null ? "," : line.parent().type() + "," + line.parent().id()) + ",";
    byte[] prefix = head.getBytes(StandardCharsets.US_ASCII);
    boolean cut = length < json.length;
    byte[] row = new byte[prefix.length + length + (cut ? 1 : 0) + quotes + 3];
    System.arraycopy(prefix, 0, row, 0, prefix.length);
    int at = prefix.length;
    row[at++] = '"';
    for (int i = 0; i < length; i++) {
      byte b = json[i];
      row[at++] = b;
      if (b == '"') {
        row[at++] = '"';
      }
    }
    if (cut) {
      row[at++] = '}';
    }
    row[at++] = '"';
    row[at] = '\n';
    return row;
  }

  /**
   * How many bytes of the line to keep: all of them, or the line up to a trailing
   * {@code ,"__parentId":"<parent gid>"} when it ends with exactly that member and {@code }} (how Shopify writes
   * it: the member it adds, last, with no spaces). {@code __parentId} is not a field of the object, so the stored
   * JSON leaves it out; any other layout keeps the line whole and the merge removes the member in SQL.
   */
  static int withoutParentId(StagedLine line, byte[] json) {
    if (line.parent() == null) {
      return json.length;
    }
    byte[] member = (",\"__parentId\":\"gid://shopify/" + line.parent().type() + "/" + line.parent().id() + "\"}")
        .getBytes(StandardCharsets.US_ASCII);
    int from = json.length - member.length;
    if (from < 1) {
      return json.length;
    }
    for (int i = 0; i < member.length; i++) {
      if (json[from + i] != member[i]) {
        return json.length;
      }
    }
    return from;
  }
}
