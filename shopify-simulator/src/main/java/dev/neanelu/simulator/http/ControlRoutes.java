package dev.neanelu.simulator.http;

import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.bulk.BulkOperation;
import dev.neanelu.simulator.catalog.MetafieldDefinition;
import dev.neanelu.simulator.control.SimulatorControl;
import dev.neanelu.simulator.shop.WebhookSubscription;
import dev.neanelu.simulator.webhook.Delivery;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /_sim/} control API over HTTP: a thin translation of paths and JSON bodies onto {@link
 * SimulatorControl}. The README lists every route.
 */
final class ControlRoutes {

  private final SimulatorControl control;

  ControlRoutes(SimulatorControl control) {
    this.control = control;
  }

  /** Handles {@code /_sim/...}; segments exclude the leading {@code _sim}. */
  void handle(Exchange ex, List<String> s) throws IOException {
    String m = ex.method();
    if (s.isEmpty() || s.get(0).equals("health")) {
      ex.json(200, Map.of("status", "ok", "shops", control.shops().size()));
    } else if (s.get(0).equals("clock")) {
      clock(ex, m);
    } else if (s.get(0).equals("lifetimes")) {
      if (m.equals("PATCH") || m.equals("POST")) {
        control.lifetimes().apply(ex.jsonBody());
      }
      ex.json(200, control.lifetimes().toMap());
    } else if (s.get(0).equals("stats")) {
      Map<String, Object> all = new LinkedHashMap<>();
      control.shops().forEach(shop -> all.put(shop, control.stats(shop).toMap()));
      ex.json(200, all);
    } else if (s.get(0).equals("shops")) {
      shops(ex, m, s.subList(1, s.size()));
    } else {
      notFound(ex);
    }
  }

  private void clock(Exchange ex, String m) throws IOException {
    if (m.equals("POST")) {
      Map<String, Object> body = ex.jsonBody();
      control.advanceClock(
          Duration.ofMillis((long) (((Number) body.get("seconds")).doubleValue() * 1000)));
    }
    ex.json(200, Map.of("now", control.now().toString()));
  }

  private void shops(Exchange ex, String m, List<String> s) throws IOException {
    if (s.isEmpty()) {
      if (m.equals("POST")) {
        ex.json(201, control.createShop(ShopSpec.fromMap(ex.jsonBody())).toMap());
      } else {
        ex.json(200, Map.of("shops", control.shops()));
      }
      return;
    }
    String shop = s.get(0);
    List<String> rest = s.subList(1, s.size());
    if (rest.isEmpty()) {
      shop(ex, m, shop);
      return;
    }
    switch (rest.get(0)) {
      case "catalog" -> catalog(ex, m, shop, rest);
      case "products" -> product(ex, m, shop, rest);
      case "uninstall" -> {
        control.uninstall(shop);
        ex.json(200, Map.of("uninstalled", true));
      }
      case "compliance" -> compliance(ex, shop, rest);
      case "webhooks" -> webhooks(ex, m, shop, rest);
      case "faults" -> faults(ex, m, shop);
      case "metafield-definitions" -> metafieldDefinitions(ex, m, shop);
      case "stats" -> ex.json(200, control.stats(shop).toMap());
      case "session-token" -> sessionToken(ex, shop);
      case "bulk-operations" ->
          ex.json(
              200,
              Map.of(
                  "bulkOperations",
                  control.bulkOperations(shop).stream().map(ControlRoutes::bulk).toList()));
      default -> notFound(ex);
    }
  }

  private void shop(Exchange ex, String m, String shop) throws IOException {
    switch (m) {
      case "DELETE" -> ex.json(200, Map.of("deleted", control.deleteShop(shop)));
      case "PATCH", "POST" -> {
        control.configure(shop, ex.jsonBody());
        ex.json(200, describe(shop));
      }
      default -> ex.json(200, describe(shop));
    }
  }

  private Map<String, Object> describe(String shop) {
    Map<String, Object> m = new LinkedHashMap<>(control.info(shop).toMap());
    var s = control.shop(shop);
    m.put("products", s.catalog().size());
    m.put("installed", s.installed());
    m.put("throttleStatus", s.bucket().status());
    m.put("exportObjectsPerSecond", s.exportObjectsPerSecond());
    m.put("complianceUri", s.complianceUri());
    m.put("faults", s.faults().toMap());
    m.put("stats", s.stats().toMap());
    return m;
  }

  private void catalog(Exchange ex, String m, String shop, List<String> rest) throws IOException {
    String action = rest.size() > 1 ? rest.get(1) : "";
    if (m.equals("POST") && action.equals("generate")) {
      Map<String, Object> body = ex.jsonBody();
      if (Boolean.TRUE.equals(body.get("replace"))) {
        control.clearCatalog(shop);
      }
      int n =
          control.generateCatalog(
              shop,
              ((Number) body.get("products")).intValue(),
              body.get("seed") instanceof Number seed ? seed.longValue() : 1L);
      ex.json(200, Map.of("products", n));
    } else if (m.equals("POST") && action.equals("load")) {
      boolean replace = !"false".equals(ex.query().get("replace"));
      int n = control.loadCatalog(shop, ex.body(), replace);
      ex.json(200, Map.of("loaded", n, "products", control.shop(shop).catalog().size()));
    } else if (m.equals("DELETE")) {
      control.clearCatalog(shop);
      ex.json(200, Map.of("products", 0));
    } else if (m.equals("GET")) {
      ex.setHeader("Content-Type", "application/json; charset=utf-8");
      try (OutputStream out = ex.start(200, 0)) {
        control.writeSnapshot(shop, out);
      }
    } else {
      notFound(ex);
    }
  }

  private void product(Exchange ex, String m, String shop, List<String> rest) throws IOException {
    if (rest.size() < 2) {
      notFound(ex);
      return;
    }
    String id = rest.get(1);
    switch (m) {
      case "PATCH", "POST" -> {
        var p = control.updateProduct(shop, id, ex.jsonBody());
        ex.json(
            200,
            Map.of(
                "id",
                p.gid(),
                "updatedAt",
                java.time.Instant.ofEpochSecond(p.updatedAt()).toString()));
      }
      case "DELETE" -> ex.json(200, Map.of("deleted", control.deleteProduct(shop, id)));
      default -> {
        var p = control.product(shop, id);
        if (p.isEmpty()) {
          notFound(ex);
        } else {
          ex.json(
              200,
              Map.of(
                  "id",
                  p.get().gid(),
                  "title",
                  p.get().title(),
                  "updatedAt",
                  java.time.Instant.ofEpochSecond(p.get().updatedAt()).toString()));
        }
      }
    }
  }

  private void compliance(Exchange ex, String shop, List<String> rest) throws IOException {
    String topic = String.join("/", rest.subList(1, rest.size()));
    Map<String, Object> body = ex.jsonBody();
    String uri = (String) body.remove("uri");
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) body.get("payload");
    int sent = control.sendCompliance(shop, topic, uri, payload);
    ex.json(200, Map.of("topic", topic, "deliveries", sent));
  }

  private void webhooks(Exchange ex, String m, String shop, List<String> rest) throws IOException {
    String action = rest.size() > 1 ? rest.get(1) : "";
    if (action.equals("deliveries")) {
      ex.json(
          200,
          Map.of("deliveries", control.deliveries(shop).stream().map(Delivery::toMap).toList()));
    } else if (action.equals("release")) {
      Map<String, Object> body = ex.jsonBody();
      ex.json(
          200,
          Map.of(
              "released",
              control.releaseWebhooks(shop, !Boolean.FALSE.equals(body.get("reverse")))));
    } else if (m.equals("POST")) {
      Map<String, Object> body = ex.jsonBody();
      WebhookSubscription sub =
          control.subscribe(
              shop,
              (String) body.get("topic"),
              (String) body.get("uri"),
              (String) body.get("name"));
      ex.json(201, subscription(sub));
    } else {
      ex.json(
          200,
          Map.of(
              "subscriptions",
              control.subscriptions(shop).stream().map(ControlRoutes::subscription).toList()));
    }
  }

  private void metafieldDefinitions(Exchange ex, String m, String shop) throws IOException {
    if (m.equals("POST")) {
      Map<String, Object> b = ex.jsonBody();
      try {
        MetafieldDefinition d =
            control.addMetafieldDefinition(
                shop,
                (String) b.get("ownerType"),
                (String) b.get("namespace"),
                (String) b.get("key"),
                (String) b.get("type"),
                (String) b.get("adminAccess"));
        ex.json(201, definition(d));
      } catch (IllegalArgumentException e) {
        ex.json(409, Map.of("error", e.getMessage()));
      }
    } else {
      ex.json(
          200,
          Map.of(
              "metafieldDefinitions",
              control.metafieldDefinitions(shop).stream().map(ControlRoutes::definition).toList()));
    }
  }

  private static Map<String, Object> definition(MetafieldDefinition d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.gid());
    m.put("ownerType", d.ownerType());
    m.put("namespace", d.namespace());
    m.put("key", d.key());
    m.put("type", d.type());
    m.put("adminAccess", d.adminAccess());
    return m;
  }

  private void faults(Exchange ex, String m, String shop) throws IOException {
    if (m.equals("DELETE")) {
      control.clearFaults(shop);
    } else if (m.equals("POST") || m.equals("PATCH")) {
      control.setFaults(shop, ex.jsonBody());
    }
    ex.json(200, control.faults(shop).toMap());
  }

  private void sessionToken(Exchange ex, String shop) throws IOException {
    Map<String, Object> body = ex.jsonBody();
    Duration ttl =
        body.get("ttlSeconds") instanceof Number n ? Duration.ofSeconds(n.longValue()) : null;
    String token =
        control.mintSessionToken(
            shop, (String) body.getOrDefault("sub", "42"), (String) body.get("sid"), ttl);
    ex.json(200, Map.of("token", token));
  }

  private static Map<String, Object> subscription(WebhookSubscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "gid://shopify/WebhookSubscription/" + s.id());
    m.put("topic", s.topic());
    m.put("uri", s.uri());
    m.put("name", s.name());
    return m;
  }

  private static Map<String, Object> bulk(BulkOperation op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", op.gid());
    m.put("type", op.type().name());
    m.put("status", op.status().name());
    m.put("objectCount", String.valueOf(op.objectCount()));
    m.put("url", op.url());
    m.put("partialDataUrl", op.partialDataUrl());
    return m;
  }

  private static void notFound(Exchange ex) throws IOException {
    ex.json(404, Map.of("error", "no such control route"));
  }
}
