package dev.neanelu.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves JSONL files on loopback as a storage bucket does (single byte ranges, 206), for jobs given a
 * {@code jsonlUrl}.
 */
final class JsonlFiles implements AutoCloseable {

  private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  private JsonlFiles(HttpServer server) {
    this.server = server;
  }

  static JsonlFiles start() {
    try {
      JsonlFiles files = new JsonlFiles(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      files.server.createContext("/", files::serve);
      files.server.start();
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves these lines (each ended by a newline) at a new URL. */
  String serve(List<String> lines) {
    String path = "/" + UUID.randomUUID() + ".jsonl";
    files.put(path, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The lines of a file served elsewhere (the simulator's export), blank ones left out. */
  static List<String> download(String url) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      return response.body().lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    byte[] body = files.get(path);
    if (body == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    String range = ex.getRequestHeaders().getFirst("Range");
    Matcher bytes = BYTE_RANGE.matcher(range == null ? "" : range);
    int from = 0;
    int to = body.length - 1;
    if (bytes.matches()) {
      from = Integer.parseInt(bytes.group(1));
      to = bytes.group(2).isEmpty() ? to : Math.min(to, Integer.parseInt(bytes.group(2)));
      if (from >= body.length) {
        ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
        ex.sendResponseHeaders(416, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
    }
    ex.sendResponseHeaders(bytes.matches() ? 206 : 200, to - from + 1);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body, from, to - from + 1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
