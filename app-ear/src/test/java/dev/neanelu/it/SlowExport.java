package dev.neanelu.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A shop's bulk export served slowly from the test JVM (with HTTP Range support), so that a sync is still loading
 * when a test acts on it; records the {@code Range} headers it was asked for.
 */
final class SlowExport implements AutoCloseable {

  final List<String> ranges = new CopyOnWriteArrayList<>();
  private final byte[] export;
  private final int piece;
  private final HttpServer server;

  private SlowExport(byte[] export, int piece) throws IOException {
    this.export = export;
    this.piece = piece;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/export.jsonl", this::slowly);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The export of {@code source} (synced once through the app to have Shopify's file), in pieces 10 ms apart. */
  static SlowExport of(String source, int pieceBytes) throws Exception {
    String url = Simulator.get().control().bulkOperations(source).get(0).url();
    byte[] bytes = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
        .body();
    return new SlowExport(bytes, pieceBytes);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/export.jsonl";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void slowly(HttpExchange exchange) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    int from = 0;
    int to = export.length - 1;
    if (range != null) {
      ranges.add(range);
      from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
      String end = range.substring(range.indexOf('-') + 1);
      to = end.isEmpty() ? to : Math.min(to, Integer.parseInt(end));
      exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + export.length);
    }
    exchange.sendResponseHeaders(range == null ? 200 : 206, to - from + 1);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int at = from; at <= to; at += piece) {
        out.write(export, at, Math.min(piece, to + 1 - at));
        out.flush();
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the reader went away (stopped, refused or killed): expected
    }
  }
}
