package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Catalog ingest end to end: the ops API starts CatalogIngestJob on the Liberty server, which exports from the
 * simulator (groupObjects:false), loads, merges and verifies; the database is then compared with the simulator's
 * snapshot for every stored field of every product, variant, metafield and media image.
 *
 * <ul>
 *   <li>a generated 5,000-product catalog, exported by the job: database equals snapshot;
 *   <li>the same export re-served with every child line before its parent, ingested via jsonlUrl into another shop:
 *       the same result;
 *   <li>an export whose objects appear again, newer, chunks later, ingested into a shop with no rows yet: the newer
 *       versions win (the first sync's plain inserts fall back to upserts);
 *   <li>a file that lacks one product but keeps its children: each child (and each metafield of a child variant)
 *       becomes an error record naming its missing parent and is not stored; everything else is, and the run
 *       completes SUCCEEDED_WITH_ERRORS;
 *   <li>a file with malformed JSON, invalid UTF-8 and a 10 MB line: those lines recorded with their numbers, the rest
 *       ingested, the run SUCCEEDED_WITH_ERRORS;
 *   <li>bad lines in the second of the byte ranges a file is read in: recorded with their numbers in the file;
 *   <li>an export the simulator truncates: the run fails its completeness check with a clear message, and nothing is deleted.
 * </ul>
 */
class CatalogIngestIT {

  private static final int PRODUCTS = 5_000;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static String shop;
  private static String exportUrl;
  private static HttpServer files;
  private static final Map<String, byte[]> served = new HashMap<>();
  private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  /** The Range headers each served file was asked for, in order. */
  private static final Map<String, List<String>> rangesAsked = new ConcurrentHashMap<>();

  @BeforeAll
  static void exportAndIngestAGeneratedCatalog() throws IOException {
    shop = Simulator.shopRegisteredWithApp("ingest", "plus");
    Simulator.get().control().generateCatalog(shop, PRODUCTS, 42);
    JsonObject run = syncAndWait(shop, "{\"mode\":\"full\"}");
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    exportUrl = Simulator.get().control().bulkOperations(shop).get(0).url();
    files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    files.createContext("/", CatalogIngestIT::serveFile);
    files.start();
  }

  @AfterAll
  static void stopFiles() {
    if (files != null) {
      files.stop(0);
    }
  }

  @Test
  void theExportedCatalogEqualsTheSimulatorsSnapshot() throws Exception {
    assertCatalogEqualsSnapshot(shop, shop);
    JsonObject summary = summary(shop);
    assertThat(summary.getInt("products")).isEqualTo(PRODUCTS);
    assertThat(summary.getInt("errors")).isZero();
    assertThat(summary.getJsonObject("lastSync").getJsonNumber("rootObjectCount").longValue()).isEqualTo(PRODUCTS);
  }

  @Test
  void childrenBeforeParentsGiveTheSameCatalog() throws Exception {
    List<String> lines = download(exportUrl);
    List<String> reordered = new ArrayList<>();
    lines.stream().filter(l -> l.contains("\"__parentId\"")).forEach(reordered::add);
    List<String> parents = new ArrayList<>(lines.stream().filter(l -> !l.contains("\"__parentId\"")).toList());
    java.util.Collections.reverse(parents);
    reordered.addAll(parents);
    String target = Simulator.shopRegisteredWithApp("reordered", "plus");
    JsonObject run = syncAndWait(target, jsonlBody(serve(String.join("\n", reordered) + "\n")));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    assertCatalogEqualsSnapshot(target, shop);
  }

  @Test
  void aFirstSyncThatMeetsAnObjectAgainKeepsItsNewestVersion() throws Exception {
    List<String> lines = download(exportUrl);
    List<String> file = new ArrayList<>(lines);
    List<String> edited = new ArrayList<>();
    for (String line : lines) {
      JsonObject doc = Json.createReader(new StringReader(line)).readObject();
      if (edited.size() < 20 && doc.getString("id").startsWith("gid://shopify/Product/")) {
        edited.add(doc.getString("id"));
        Instant newer = Instant.parse(doc.getString("updatedAt")).plusSeconds(86_400);
        file.add(Json.createObjectBuilder(doc).add("title", "edited " + doc.getString("title"))
            .add("updatedAt", newer.toString()).build().toString());
      }
    }
    String target = Simulator.shopRegisteredWithApp("again", "plus");
    // The repeats come after every other line, chunks away from the first versions: a first sync inserts without
    // upserting, so the repeat meets a stored row and must fall back to the upsert, not fail the run.
    JsonObject run = syncAndWait(target, jsonlBody(serve(String.join("\n", file) + "\n")));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    Map<String, JsonObject> stored = rows(target, "products", "product_id", "Product");
    assertThat(stored).hasSize(PRODUCTS);
    for (String id : edited) {
      assertThat(stored.get(id).getString("title")).as(id).startsWith("edited ");
    }
    assertTypedColumnsMatchTheJson(target);
  }

  @Test
  void childrenWhoseParentNeverArrivesAreErrorsOfTheirOwn() throws Exception {
    List<String> lines = download(exportUrl);
    String dropped = lines.stream().filter(l -> !l.contains("\"__parentId\"")).findFirst().orElseThrow();
    String gid = Json.createReader(new StringReader(dropped)).readObject().getString("id");
    List<String> children = lines.stream().filter(l -> l.contains("\"__parentId\":\"" + gid + "\""))
        .map(l -> Json.createReader(new StringReader(l)).readObject().getString("id")).toList();
    List<String> grandchildren = lines.stream()
        .filter(l -> children.stream().anyMatch(c -> l.contains("\"__parentId\":\"" + c + "\"")))
        .map(l -> Json.createReader(new StringReader(l)).readObject().getString("id")).toList();
    assertThat(children).isNotEmpty();
    assertThat(grandchildren).isNotEmpty();
    String target = Simulator.shopRegisteredWithApp("orphans", "plus");
    JsonObject run = syncAndWait(target, jsonlBody(serve(
        String.join("\n", lines.stream().filter(l -> !l.equals(dropped)).toList()) + "\n")));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED_WITH_ERRORS");
    JsonObject summary = summary(target);
    assertThat(summary.getInt("errors")).isEqualTo(children.size() + grandchildren.size());
    assertThat(summary.getInt("products")).isEqualTo(PRODUCTS - 1);
    assertThat(summary.getInt("deleted")).isZero();
    Map<String, String> reasons = new HashMap<>();
    try (Connection c = superuser();
        PreparedStatement ps = c.prepareStatement(
            "SELECT e.gid, e.reason FROM ingest_errors e JOIN shops s ON s.id = e.shop_id WHERE s.shop_domain = ?"
                + " AND e.line_no IS NULL")) {
      ps.setString(1, target);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reasons.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    assertThat(reasons).hasSize(children.size() + grandchildren.size());
    for (String child : children) {
      assertThat(reasons.get(child)).as(child).isEqualTo("parent " + gid + " never arrived (not in the export, not in"
          + " the catalog)");
    }
    for (String grandchild : grandchildren) {
      assertThat(reasons.get(grandchild)).as(grandchild).contains("its own parent never arrived");
    }
    long product = Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
    try (Connection c = superuser();
        PreparedStatement ps = c.prepareStatement(
            "SELECT (SELECT count(*) FROM product_variants t WHERE t.shop_id = s.id AND t.product_id = ?)"
                + " + (SELECT count(*) FROM product_media t WHERE t.shop_id = s.id AND t.product_id = ?)"
                + " + (SELECT count(*) FROM metafields t WHERE t.shop_id = s.id AND t.metafield_id = ANY (?))"
                + " FROM shops s WHERE s.shop_domain = ?")) {
      ps.setLong(1, product);
      ps.setLong(2, product);
      ps.setArray(3, c.createArrayOf("bigint", java.util.stream.Stream.concat(children.stream(),
          grandchildren.stream()).filter(g -> g.contains("/Metafield/"))
          .map(g -> Long.parseLong(g.substring(g.lastIndexOf('/') + 1))).toArray()));
      ps.setString(4, target);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("stored rows of the missing product's children").isZero();
      }
    }
  }

  @Test
  void badLinesAreRecordedAndEverythingElseIngested() throws Exception {
    List<String> lines = download(exportUrl).subList(0, 400);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    int good = 0;
    for (String line : lines) {
      file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      good++;
    }
    file.write("{\"id\": \"gid://shopify/Product/1\", \"title\": \n".getBytes(StandardCharsets.UTF_8));
    file.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    file.write(("{\"id\":\"gid://shopify/Product/2\",\"descriptionHtml\":\"" + "x".repeat(10 << 20) + "\"}\n")
        .getBytes(StandardCharsets.UTF_8));
    String target = Simulator.shopRegisteredWithApp("badlines", "plus");
    JsonObject run = syncAndWait(target, jsonlBody(serve(file.toByteArray())));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED_WITH_ERRORS");
    assertThat(summary(target).getInt("errors")).isEqualTo(3);
    assertThat(errorLines(target)).containsExactly((long) good + 1, (long) good + 2, (long) good + 3);
    long products = lines.stream().filter(l -> l.contains("gid://shopify/Product/") && !l.contains("__parentId")).count();
    assertThat(summary(target).getInt("products")).isEqualTo((int) products);
  }

  @Test
  void badLinesInALaterRangeGetTheirNumbersInTheFile() throws Exception {
    List<String> file = new ArrayList<>(download(exportUrl));
    int middle = file.size() * 3 / 4;
    file.add(middle, "{\"id\": \"gid://shopify/Product/1\", \"title\": ");
    file.add("not json");
    String target = Simulator.shopRegisteredWithApp("laterange", "plus");
    String url = serve(String.join("\n", file) + "\n");
    JsonObject run = syncAndWait(target, jsonlBody(url));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED_WITH_ERRORS");
    // The file was read in two ranges at once: the second asked for a range from inside the file.
    assertThat(rangesAsked.get(URI.create(url).getPath())).anyMatch(r -> r.matches("bytes=[1-9][0-9]*-"));
    assertThat(errorLines(target)).containsExactly((long) middle + 1, (long) file.size());
    assertCatalogEqualsSnapshot(target, shop);
  }

  @Test
  void aTruncatedExportFailsTheRunLoudly() throws Exception {
    String target = Simulator.shopRegisteredWithApp("truncated", "plus");
    Simulator.get().control().generateCatalog(target, 300, 9);
    Simulator.get().control().setFaults(target, Map.of("exportDropEveryNthLine", 50));
    JsonObject run = syncAndWait(target, "{\"mode\":\"full\"}");
    assertThat(run.getString("status")).isEqualTo("FAILED");
    assertThat(run.getString("outcome")).contains("truncated");
    // Chunks that arrived were stored (they are real Shopify data), but a short export must never delete anything.
    assertThat(summary(target).getInt("deleted")).isZero();
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  static JsonObject syncAndWait(String target, String body) {
    HttpResponse<String> started = Http.postJsonAsAdmin("/api/ops/shops/" + target + "/sync", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    long instance = Http.json(started).getJsonNumber("jobInstanceId").longValue();
    Instant deadline = Instant.now().plus(RUN_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      JsonValue last = summary(target).get("lastSync");
      if (last instanceof JsonObject run && run.getJsonNumber("jobInstanceId").longValue() == instance
          && !run.getString("status").equals("RUNNING")) {
        return run;
      }
      pause();
    }
    throw new AssertionError("Sync of " + target + " did not finish within " + RUN_TIMEOUT);
  }

  static JsonObject summary(String target) {
    return Http.json(Http.getAsAdmin("/api/ops/shops/" + target + "/catalog/summary"));
  }

  /** Serves a file as a storage bucket does: single byte ranges (206), so the job can read it in ranges. */
  private static void serveFile(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    byte[] body = served.get(path);
    String range = ex.getRequestHeaders().getFirst("Range");
    Matcher bytes = BYTE_RANGE.matcher(range == null ? "" : range);
    if (body == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    int from = 0;
    int to = body.length - 1;
    if (bytes.matches()) {
      rangesAsked.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(range);
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

  private static String jsonlBody(String url) {
    return "{\"mode\":\"full\",\"jsonlUrl\":\"" + url + "\"}";
  }

  private static String serve(String content) {
    return serve(content.getBytes(StandardCharsets.UTF_8));
  }

  private static String serve(byte[] content) {
    String path = "/" + UUID.randomUUID() + ".jsonl";
    served.put(path, content);
    return "http://127.0.0.1:" + files.getAddress().getPort() + path;
  }

  private static List<String> download(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return response.body().lines().filter(l -> !l.isBlank()).toList();
  }

  /** Polling interval; the job's progress is observed, not timed. */
  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<Long> errorLines(String target) throws Exception {
    List<Long> lines = new ArrayList<>();
    try (Connection c = superuser();
        PreparedStatement ps = c.prepareStatement(
            "SELECT e.line_no FROM ingest_errors e JOIN shops s ON s.id = e.shop_id WHERE s.shop_domain = ?"
                + " ORDER BY e.line_no")) {
      ps.setString(1, target);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getLong(1));
        }
      }
    }
    return lines;
  }

  /** Every product, variant, metafield and media image of the snapshot, field by field, against the database. */
  static void assertCatalogEqualsSnapshot(String storedShop, String snapshotShop) throws Exception {
    JsonArray products =
        Json.createReader(new StringReader(Simulator.get().control().snapshotJson(snapshotShop)))
            .readObject()
            .getJsonArray("products");
    Map<String, JsonObject> stored = rows(storedShop, "products", "product_id", "Product");
    Map<String, JsonObject> variants = rows(storedShop, "product_variants", "variant_id", "ProductVariant");
    Map<String, JsonObject> metafields = rows(storedShop, "metafields", "metafield_id", "Metafield");
    Map<String, JsonObject> media = rows(storedShop, "product_media", "media_id", "MediaImage");
    int variantCount = 0;
    int metafieldCount = 0;
    int mediaCount = 0;
    for (JsonObject p : products.getValuesAs(JsonObject.class)) {
      JsonObject row = stored.get(p.getString("id"));
      assertThat(row).as(p.getString("id")).isNotNull();
      for (String f : List.of("title", "handle", "status", "vendor", "productType", "tags", "descriptionHtml",
          "createdAt", "updatedAt")) {
        assertThat(row.get(f)).as(p.getString("id") + " " + f).isEqualTo(p.get(f));
      }
      for (JsonObject v : p.getJsonArray("variants").getValuesAs(JsonObject.class)) {
        variantCount++;
        JsonObject vr = variants.get(v.getString("id"));
        assertThat(vr).as(v.getString("id")).isNotNull();
        for (String f : List.of("title", "sku", "price", "compareAtPrice", "barcode", "position",
            "inventoryQuantity", "taxable", "inventoryPolicy", "createdAt", "updatedAt")) {
          assertThat(vr.get(f)).as(v.getString("id") + " " + f).isEqualTo(v.get(f));
        }
        metafieldCount += assertMetafields(v.getJsonArray("metafields"), metafields);
      }
      metafieldCount += assertMetafields(p.getJsonArray("metafields"), metafields);
      for (JsonObject m : p.getJsonArray("media").getValuesAs(JsonObject.class)) {
        mediaCount++;
        JsonObject mr = media.get(m.getString("id"));
        assertThat(mr).as(m.getString("id")).isNotNull();
        assertThat(mr.get("alt")).isEqualTo(m.get("alt"));
        assertThat(mr.getJsonObject("image").get("url")).isEqualTo(m.get("url"));
        assertThat(mr.getJsonObject("image").get("width")).isEqualTo(m.get("width"));
      }
    }
    assertThat(stored).hasSize(products.size());
    assertThat(variants).hasSize(variantCount);
    assertThat(metafields).hasSize(metafieldCount);
    assertThat(media).hasSize(mediaCount);
    assertTypedColumnsMatchTheJson(storedShop);
  }

  /**
   * The columns the loader fills from the line besides the JSON (read by the reader, not by SQL) hold what the stored
   * JSON says, for every row; no stored JSON keeps {@code __parentId}.
   */
  static void assertTypedColumnsMatchTheJson(String target) throws Exception {
    String shopRows = " JOIN shops s ON s.id = t.shop_id WHERE s.shop_domain = ? AND (";
    Map<String, String> mismatches = Map.of(
        "products", "t.title IS DISTINCT FROM coalesce(t.fields ->> 'title', '')"
            + " OR t.handle IS DISTINCT FROM t.fields ->> 'handle' OR t.status IS DISTINCT FROM t.fields ->> 'status'"
            + " OR t.vendor IS DISTINCT FROM t.fields ->> 'vendor'"
            + " OR t.product_type IS DISTINCT FROM t.fields ->> 'productType'"
            + " OR t.tags IS DISTINCT FROM ARRAY(SELECT jsonb_array_elements_text(t.fields -> 'tags'))"
            + " OR t.created_at IS DISTINCT FROM (t.fields ->> 'createdAt')::timestamptz"
            + " OR t.updated_at IS DISTINCT FROM (t.fields ->> 'updatedAt')::timestamptz",
        "product_variants", "t.sku IS DISTINCT FROM t.fields ->> 'sku'"
            + " OR t.title IS DISTINCT FROM t.fields ->> 'title'"
            + " OR t.position IS DISTINCT FROM (t.fields ->> 'position')::integer"
            + " OR t.updated_at IS DISTINCT FROM (t.fields ->> 'updatedAt')::timestamptz"
            + " OR jsonb_exists(t.fields, '__parentId')",
        "metafields", "t.namespace IS DISTINCT FROM t.fields ->> 'namespace'"
            + " OR t.key IS DISTINCT FROM t.fields ->> 'key'"
            + " OR t.updated_at IS DISTINCT FROM (t.fields ->> 'updatedAt')::timestamptz"
            + " OR jsonb_exists(t.fields, '__parentId')",
        "product_media", "jsonb_exists(t.fields, '__parentId')");
    try (Connection c = superuser()) {
      for (Map.Entry<String, String> table : mismatches.entrySet()) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM " + table.getKey() + " t" + shopRows + table.getValue() + ")")) {
          ps.setString(1, target);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).as(table.getKey() + " rows whose columns disagree with their JSON").isZero();
          }
        }
      }
    }
  }

  private static int assertMetafields(JsonArray expected, Map<String, JsonObject> stored) {
    for (JsonObject m : expected.getValuesAs(JsonObject.class)) {
      JsonObject row = stored.get(m.getString("id"));
      assertThat(row).as(m.getString("id")).isNotNull();
      for (String f : List.of("namespace", "key", "type", "value")) {
        assertThat(row.get(f)).as(m.getString("id") + " " + f).isEqualTo(m.get(f));
      }
    }
    return expected.size();
  }

  /** A table's rows for one shop, as the superuser (no RLS), keyed by gid. */
  private static Map<String, JsonObject> rows(String target, String table, String idColumn, String type)
      throws Exception {
    Map<String, JsonObject> rows = new HashMap<>();
    try (Connection c = superuser();
        PreparedStatement ps = c.prepareStatement(
            "SELECT t." + idColumn + ", t.fields::text FROM " + table + " t JOIN shops s ON s.id = t.shop_id"
                + " WHERE s.shop_domain = ?")) {
      ps.setString(1, target);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.put("gid://shopify/" + type + "/" + rs.getLong(1),
              Json.createReader(new StringReader(rs.getString(2))).readObject());
        }
      }
    }
    return rows;
  }

  private static Connection superuser() throws Exception {
    return DriverManager.getConnection(System.getProperty("it.postgres.url"), "postgres", "");
  }
}
