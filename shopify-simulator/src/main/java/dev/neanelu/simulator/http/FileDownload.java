package dev.neanelu.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a result file the way a storage bucket does: {@code Accept-Ranges: bytes}, single-range
 * requests answered 206 with {@code Content-Range}, unsatisfiable ranges 416. A reset fault cuts
 * the connection after N bytes.
 */
final class FileDownload {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private static final int CHUNK = 1 << 18;

  private FileDownload() {}

  static void serve(Exchange ex, Path file, long resetAfterBytes) throws IOException {
    long size = Files.size(file);
    long start = 0;
    long end = size - 1;
    int status = 200;
    String range = ex.header("Range");
    if (range != null) {
      Matcher m = RANGE.matcher(range.trim());
      if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
        unsatisfiable(ex, size);
        return;
      }
      if (m.group(1).isEmpty()) {
        start = Math.max(0, size - Long.parseLong(m.group(2)));
      } else {
        start = Long.parseLong(m.group(1));
        end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
      }
      if (start >= size || start > end) {
        unsatisfiable(ex, size);
        return;
      }
      status = 206;
      ex.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
    }
    ex.setHeader("Accept-Ranges", "bytes");
    ex.setHeader("Content-Type", "application/jsonl");
    ex.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
    long length = end - start + 1;
    if ("HEAD".equals(ex.method())) {
      ex.setHeader("Content-Length", String.valueOf(length));
      ex.start(status, -1).close();
      return;
    }
    copy(ex, file, start, length, status, resetAfterBytes);
  }

  private static void copy(
      Exchange ex, Path file, long start, long length, int status, long resetAfter)
      throws IOException {
    OutputStream out = ex.start(status, length);
    long limit = resetAfter >= 0 ? Math.min(resetAfter, length) : length;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(start);
      byte[] buf = new byte[CHUNK];
      long sent = 0;
      while (sent < limit) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, limit - sent));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        sent += n;
      }
      out.flush();
    }
    if (resetAfter >= 0 && resetAfter < length) {
      // Closing short of Content-Length makes the server drop the connection: the client sees a cut
      // download.
      ex.close();
      return;
    }
    out.close();
  }

  private static void unsatisfiable(Exchange ex, long size) throws IOException {
    ex.setHeader("Content-Range", "bytes */" + size);
    ex.start(416, -1).close();
  }
}
