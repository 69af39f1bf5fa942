package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streaming the export over HTTP. Scenarios: every line with its number and end offset; a line without a final
 * newline; opening at a checkpoint asks for a Range and continues the numbering; a connection that breaks mid-body
 * is resumed from the last complete line, so no line is lost or repeated; an over-long line comes back cut and
 * flagged while the next line is intact; two adjacent byte ranges, split at any byte, read every line exactly once,
 * also from a server that ignores Range requests.
 */
class JsonlSourceTest {

  private static final String FILE = "{\"a\":1}\n{\"b\":22}\n{\"c\":333}\n{\"d\":4444}";
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private final AtomicInteger breaksLeft = new AtomicInteger();
  private ServerSocket server;
  private byte[] body = FILE.getBytes(StandardCharsets.UTF_8);
  private volatile boolean ignoreRanges;

  /**
   * A minimal HTTP/1.1 file server on a raw socket, so a response can announce its full length and then drop the
   * connection after 12 bytes, as a reset download does.
   */
  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::serve, "jsonl-test-server");
    accept.setDaemon(true);
    accept.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String range = null;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("range:")) {
            range = line.substring(6).strip();
          }
        }
        if (range != null) {
          ranges.add(range);
        }
        range = ignoreRanges ? null : range;
        int from = range == null ? 0 : Integer.parseInt(range.substring(6, range.indexOf('-')));
        boolean breakIt = breaksLeft.getAndDecrement() > 0;
        OutputStream out = socket.getOutputStream();
        out.write(((range == null ? "HTTP/1.1 200 OK" : "HTTP/1.1 206 Partial Content") + "\r\nContent-Length: "
            + (body.length - from) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, from, breakIt ? Math.min(12, body.length - from) : body.length - from);
        out.flush();
      } catch (IOException e) {
        // closed by the test, or the client went away
      }
    }
  }

  @Test
  void readsEveryLineWithNumberAndOffset() {
    List<RawLine> lines = readAll(CatalogIngestCheckpoint.START, 1 << 20);
    assertThat(lines).extracting(RawLine::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(lines).extracting(l -> new String(l.bytes(), StandardCharsets.UTF_8))
        .containsExactly("{\"a\":1}", "{\"b\":22}", "{\"c\":333}", "{\"d\":4444}");
    assertThat(lines.get(1).endOffset()).isEqualTo(17);
    assertThat(lines.get(3).endOffset()).isEqualTo(body.length);
  }

  @Test
  void aCheckpointResumesWithARangeRequest() {
    List<RawLine> lines = readAll(new CatalogIngestCheckpoint(0, 0, 17, 2), 1 << 20);
    assertThat(ranges).containsExactly("bytes=17-");
    assertThat(lines).extracting(RawLine::number).containsExactly(3L, 4L);
  }

  @Test
  void aBrokenConnectionResumesFromTheLastCompleteLine() {
    breaksLeft.set(2);
    List<RawLine> lines = readAll(CatalogIngestCheckpoint.START, 1 << 20);
    assertThat(lines).extracting(RawLine::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(ranges).isNotEmpty().allMatch(r -> !r.equals("bytes=0-"));
  }

  @Test
  void anOverlongLineIsCutAndFlagged() {
    body = ("{\"x\":\"" + "y".repeat(100) + "\"}\n{\"z\":1}\n").getBytes(StandardCharsets.UTF_8);
    List<RawLine> lines = readAll(CatalogIngestCheckpoint.START, 20);
    assertThat(lines.get(0).overlong()).isTrue();
    assertThat(lines.get(0).bytes()).hasSize(20);
    assertThat(lines.get(1).overlong()).isFalse();
    assertThat(new String(lines.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"z\":1}");
  }

  @Test
  void twoRangesSplitAtAnyByteReadEveryLineOnce() {
    body = "{\"a\":1}\n\n{\"b\":22}\n{\"c\":333}\n".getBytes(StandardCharsets.UTF_8);
    for (int split = 1; split < body.length; split++) {
      List<String> first = texts(readRange(new LoadRange(0, 0, split)));
      List<RawLine> second = readRange(new LoadRange(0, split, -1));
      List<String> all = new ArrayList<>(first);
      all.addAll(texts(second));
      assertThat(all).as("split at byte " + split).containsExactly("{\"a\":1}", "", "{\"b\":22}", "{\"c\":333}");
      assertThat(second).extracting(RawLine::number).as("split at byte " + split)
          .containsExactly(java.util.stream.LongStream.rangeClosed(1, second.size()).boxed().toArray(Long[]::new));
    }
  }

  @Test
  void aRangeStartingInsideALineAsksForTheByteBeforeIt() {
    List<RawLine> second = readRange(new LoadRange(0, 10, -1));
    assertThat(ranges).containsExactly("bytes=9-");
    assertThat(texts(second)).containsExactly("{\"c\":333}", "{\"d\":4444}");
    assertThat(second.get(0).endOffset()).isEqualTo(27);
  }

  @Test
  void aRangeWhoseDownloadBreaksBeforeItsFirstLineStartsThereAgain() {
    // The first answer breaks after 12 bytes, inside the line that belongs to the range before.
    body = ("{\"a\":1}\n{\"long\":\"" + "x".repeat(24) + "\"}\n{\"c\":3}\n").getBytes(StandardCharsets.UTF_8);
    breaksLeft.set(1);
    List<RawLine> second = readRange(new LoadRange(0, 10, -1));
    assertThat(ranges).containsExactly("bytes=9-", "bytes=9-");
    assertThat(texts(second)).containsExactly("{\"c\":3}");
    assertThat(second).extracting(RawLine::number).containsExactly(1L);
  }

  @Test
  void aServerIgnoringRangesStillGivesTheRangesLines() {
    ignoreRanges = true;
    List<RawLine> second = readRange(new LoadRange(0, 10, -1));
    assertThat(texts(second)).containsExactly("{\"c\":333}", "{\"d\":4444}");
    assertThat(second).extracting(RawLine::number).containsExactly(1L, 2L);
    List<RawLine> resumed = readAll(new CatalogIngestCheckpoint(0, 10, 27, 1), 1 << 20);
    assertThat(texts(resumed)).containsExactly("{\"d\":4444}");
    assertThat(resumed).extracting(RawLine::number).containsExactly(2L);
  }

  private List<RawLine> readRange(LoadRange range) {
    return read(CatalogIngestCheckpoint.start(range), range.end(), 1 << 20);
  }

  private static List<String> texts(List<RawLine> lines) {
    return lines.stream().map(l -> new String(l.bytes(), StandardCharsets.UTF_8)).toList();
  }

  private List<RawLine> readAll(CatalogIngestCheckpoint from, int maxLineBytes) {
    return read(from, -1, maxLineBytes);
  }

  private List<RawLine> read(CatalogIngestCheckpoint from, long end, int maxLineBytes) {
    List<RawLine> lines = new ArrayList<>();
    try (JsonlSource source =
        JsonlSource.open(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/f"), from, end, maxLineBytes)) {
      for (RawLine line = source.next(); line != null; line = source.next()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
