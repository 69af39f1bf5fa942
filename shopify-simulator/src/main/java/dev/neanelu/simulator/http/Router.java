package dev.neanelu.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.bulk.BulkOperations;
import dev.neanelu.simulator.control.SimulatorControl;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.shop.UnknownShopException;
import dev.neanelu.simulator.upload.StagedUploads;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes every request of the simulator's single HTTP server:
 *
 * <ul>
 *   <li>{@code /shops/{shop}/admin/api/{version}/graphql.json} – the GraphQL Admin API;
 *   <li>{@code /shops/{shop}/admin/oauth/authorize} and {@code …/access_token} – OAuth;
 *   <li>{@code /storage/shopify-staged-uploads} – staged upload target;
 *   <li>{@code /storage/bulk/{token}/{file}} – bulk result and partial-data files;
 *   <li>{@code /_sim/…} – the control API.
 * </ul>
 */
public final class Router implements HttpHandler {

  private static final Logger LOG = Logger.getLogger(Router.class.getName());
  private static final String INVALID_TOKEN =
      "[API] Invalid API key or access token (unrecognized login or wrong password)";

  private final SimulatorContext context;
  private final ControlRoutes control;

  public Router(SimulatorContext context, SimulatorControl control) {
    this.context = context;
    this.control = new ControlRoutes(control);
  }

  @Override
  public void handle(HttpExchange http) throws IOException {
    Exchange ex = new Exchange(http);
    try {
      route(ex, ex.segments());
    } catch (UnknownShopException e) {
      ex.json(404, Map.of("errors", "Not Found"));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      ex.json(400, Map.of("errors", String.valueOf(e.getMessage())));
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request failed", e);
      ex.json(500, Map.of("errors", "Internal Server Error"));
    } finally {
      ex.close();
    }
  }

  private void route(Exchange ex, List<String> s) throws IOException {
    if (s.isEmpty()) {
      ex.json(404, Map.of("errors", "Not Found"));
    } else if (s.get(0).equals("_sim")) {
      control.handle(ex, s.subList(1, s.size()));
    } else if (s.get(0).equals("shops") && s.size() >= 4 && s.get(2).equals("admin")) {
      admin(ex, context.shops().require(s.get(1)), s.subList(3, s.size()));
    } else if (s.size() == 2
        && s.get(0).equals("storage")
        && s.get(1).equals(StagedUploads.BUCKET)) {
      upload(ex);
    } else if (s.size() == 4 && s.get(0).equals("storage") && s.get(1).equals("bulk")) {
      download(ex, s.get(2));
    } else {
      ex.json(404, Map.of("errors", "Not Found"));
    }
  }

  private void admin(Exchange ex, Shop shop, List<String> s) throws IOException {
    if (s.size() == 3
        && s.get(0).equals("api")
        && s.get(2).equals("graphql.json")
        && ex.method().equals("POST")) {
      graphql(ex, shop, s.get(1));
    } else if (s.size() == 2 && s.get(0).equals("oauth") && s.get(1).equals("authorize")) {
      ex.redirect(context.oauth().authorize(shop, ex.query()));
    } else if (s.size() == 2 && s.get(0).equals("oauth") && s.get(1).equals("access_token")) {
      var response = context.oauth().token(shop, ex.formOrJson());
      ex.json(response.status(), response.body());
    } else {
      ex.json(404, Map.of("errors", "Not Found"));
    }
  }

  private void graphql(Exchange ex, Shop shop, String version) throws IOException {
    if (!context.oauth().authenticate(shop, ex.header("X-Shopify-Access-Token"))) {
      shop.stats().unauthorized.incrementAndGet();
      ex.json(401, Map.of("errors", INVALID_TOKEN));
      return;
    }
    pause(shop.faults().slowResponseMillis());
    if (shop.faults().nextIsServerError()) {
      shop.stats().injectedServerErrors.incrementAndGet();
      int status = shop.faults().serverErrorStatus();
      ex.json(
          status,
          Map.of("errors", status == 503 ? "Service Unavailable" : "Internal Server Error"));
      return;
    }
    String query;
    Map<String, Object> variables = Map.of();
    String operationName = null;
    String type = ex.header("Content-Type");
    if (type != null && type.startsWith("application/graphql")) {
      query = new String(ex.bodyBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } else {
      Map<String, Object> body = ex.jsonBody();
      query = (String) body.get("query");
      @SuppressWarnings("unchecked")
      Map<String, Object> vars = (Map<String, Object>) body.get("variables");
      variables = vars == null ? Map.of() : vars;
      operationName = (String) body.get("operationName");
    }
    if (query == null) {
      ex.json(400, Map.of("errors", Map.of("query", "Required parameter missing or invalid")));
      return;
    }
    ex.setHeader("X-Shopify-API-Version", version);
    ex.json(200, context.api().call(shop, query, variables, operationName));
  }

  private void upload(Exchange ex) throws IOException {
    StagedUploads.Reply reply = context.uploads().accept(ex.body(), ex.header("Content-Type"));
    ex.bytes(
        reply.status(),
        "application/xml; charset=UTF-8",
        reply.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void download(Exchange ex, String token) throws IOException {
    Optional<BulkOperations.ResultFile> file = context.bulk().resultFile(token);
    if (file.isEmpty()) {
      ex.bytes(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>".getBytes());
      return;
    }
    Shop shop = file.get().shop();
    shop.stats().downloads.incrementAndGet();
    FileDownload.serve(ex, file.get().path(), shop.faults().takeDownloadReset());
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      // A fault on purpose: the response is late by this much.
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
