package dev.neanelu.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import dev.neanelu.simulator.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with the helpers the handlers need: path segments, query and form params, JSON
 * replies.
 */
public final class Exchange {

  private final HttpExchange http;
  private final List<String> segments;

  Exchange(HttpExchange http) {
    this.http = http;
    String path = http.getRequestURI().getRawPath();
    this.segments =
        Arrays.stream(path.split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
  }

  public String method() {
    return http.getRequestMethod();
  }

  public List<String> segments() {
    return segments;
  }

  public String header(String name) {
    return http.getRequestHeaders().getFirst(name);
  }

  public Map<String, String> query() {
    return parseForm(http.getRequestURI().getRawQuery());
  }

  public InputStream body() {
    return http.getRequestBody();
  }

  public byte[] bodyBytes() throws IOException {
    return http.getRequestBody().readAllBytes();
  }

  public Map<String, Object> jsonBody() throws IOException {
    return Json.readMap(bodyBytes());
  }

  /** Form or JSON body as flat strings (OAuth accepts both). */
  public Map<String, String> formOrJson() throws IOException {
    byte[] body = bodyBytes();
    String type = header("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      Map<String, String> out = new LinkedHashMap<>();
      Json.readMap(body).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
      return out;
    }
    return parseForm(new String(body, StandardCharsets.UTF_8));
  }

  public void setHeader(String name, String value) {
    http.getResponseHeaders().set(name, value);
  }

  public void json(int status, Object body) throws IOException {
    bytes(status, "application/json; charset=utf-8", Json.bytes(body));
  }

  public void bytes(int status, String contentType, byte[] body) throws IOException {
    http.getResponseHeaders().set("Content-Type", contentType);
    http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(body);
    }
  }

  /** Starts a response of known length (-1: no body, 0: chunked) and returns its body stream. */
  public OutputStream start(int status, long length) throws IOException {
    http.sendResponseHeaders(status, length);
    return http.getResponseBody();
  }

  public void redirect(String location) throws IOException {
    http.getResponseHeaders().set("Location", location);
    http.sendResponseHeaders(302, -1);
    http.close();
  }

  public void close() {
    http.close();
  }

  static Map<String, String> parseForm(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.merge(k, v, (a, b) -> a + "," + b);
    }
    return out;
  }
}
