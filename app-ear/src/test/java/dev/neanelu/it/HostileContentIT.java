package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile content and hostile sources. Each content scenario first syncs a generated catalog in full from the
 * simulator, then syncs the same shop in full again from an edited copy of that export (served on loopback through
 * {@code jsonlUrl}), so that "nothing marked deleted" means something.
 *
 * <ul>
 *   <li>products whose title and description, and metafields whose value, hold NUL and other control characters,
 *       plus one malformed product line (its id readable) whose variants and other children stay in the file: the
 *       run completes SUCCEEDED_WITH_ERRORS; one warning per NUL line (its number and the JSON pointers of the
 *       fields), one error for the malformed line (its number and the product it names, no excerpt of the body);
 *       the NUL text stored with U+FFFD and the other control characters as they were; every other object stored
 *       by this run, the malformed product kept as the first sync stored it, its children kept; nothing marked
 *       deleted, the reconcile done;
 *   <li>a malformed variant line (its id readable) whose metafields the file no longer has: the variant and its
 *       stored metafields are kept, nothing else changes;
 *   <li>a file that lacks one product and its children but has a line whose id cannot be read: the run completes
 *       with that error, nothing is marked deleted, and the summary says the reconcile was skipped for that reason;
 *   <li>{@code jsonlUrl} of a link-local, private or unique-local address through the ops API (the IT server runs in
 *       development mode, which allows loopback besides https hosts on the allow-list, nothing else): 400
 *       problem+json naming the field, and no job is started;
 *   <li>the same URL as a job parameter through the batch REST API: the run fails naming the parameter and the
 *       reason, without any part planned, so nothing was fetched.
 * </ul>
 */
class HostileContentIT {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
  private static final String NUL_TITLE = "Nul\u0000 title\u0001 bell\u0007";
  private static final String NUL_DESCRIPTION = "<p>a\u0000b</p>\u001f\t\u0000";
  private static final String NUL_VALUE = "v\u0000\u0002";
  private static JsonlFiles files;

  @BeforeAll
  static void serveFiles() {
    files = JsonlFiles.start();
  }

  @AfterAll
  static void stopFiles() {
    if (files != null) {
      files.close();
    }
  }

  @Test
  void nulAndControlCharactersAreStoredAndAMalformedProductKeepsItsRows() throws Exception {
    String target = Simulator.shopRegisteredWithApp("hostile", "plus");
    List<String> export = firstFullSync(target, 200, 23);
    JsonObject before = CatalogIngestIT.summary(target);

    List<String> products = export.stream().filter(l -> !l.contains("\"__parentId\"")).toList();
    Set<String> nulProducts = products.subList(0, 3).stream().map(HostileContentIT::id).collect(Collectors.toSet());
    String malformedLine = products.get(3);
    String malformed = id(malformedLine);
    assertThat(export.stream().filter(l -> l.contains("\"__parentId\":\"" + malformed + "\""))).isNotEmpty();

    List<String> file = new ArrayList<>();
    Map<Long, String> warned = new TreeMap<>(); // line number -> the fields that held NUL, sorted
    long malformedAt = 0;
    for (String line : export) {
      JsonObject doc = Json.createReader(new StringReader(line)).readObject();
      String id = doc.getString("id");
      String parent = doc.getString("__parentId", null);
      if (nulProducts.contains(id)) {
        line = Json.createObjectBuilder(doc).add("title", NUL_TITLE).add("descriptionHtml", NUL_DESCRIPTION)
            .build().toString();
        warned.put((long) file.size() + 1, "/descriptionHtml /title");
      } else if (id.startsWith("gid://shopify/Metafield/") && nulProducts.contains(parent)) {
        line = Json.createObjectBuilder(doc).add("value", NUL_VALUE).build().toString();
        warned.put((long) file.size() + 1, "/value");
      } else if (id.equals(malformed)) {
        line = "{\"id\":\"" + malformed + "\",\"title\":\"cut off here";
        malformedAt = file.size() + 1;
      }
      file.add(line);
    }
    assertThat(warned.values()).contains("/value");
    assertThat(file.get(warned.keySet().iterator().next().intValue() - 1)).contains("\\u0000").contains("\\u0001");

    JsonObject run = CatalogIngestIT.syncAndWait(target, jsonlBody(files.serve(file)));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED_WITH_ERRORS");
    JsonObject summary = CatalogIngestIT.summary(target);
    assertThat(summary.getInt("errors")).isEqualTo(1);
    assertThat(summary.getInt("warnings")).isEqualTo(warned.size());
    assertThat(summary.getInt("deleted")).isZero();
    assertThat(summary.getString("reconcile")).isEqualTo("RECONCILED");
    for (String count : List.of("products", "variants", "metafields", "media")) {
      assertThat(summary.getInt(count)).as(count).isEqualTo(before.getInt(count));
    }

    String runId = run.getString("runId");
    assertThat(query("SELECT line_no, reason, kind, gid, excerpt IS NULL FROM ingest_errors WHERE run_id = ?::uuid",
        runId)).containsExactly(List.of(String.valueOf(malformedAt), "malformed JSON", "products", malformed, "t"));
    Map<Long, String> warnings = new TreeMap<>();
    for (List<String> row : query("SELECT line_no, array_to_string(ARRAY(SELECT unnest(fields) ORDER BY 1), ' '),"
        + " reason FROM ingest_warnings WHERE run_id = ?::uuid", runId)) {
      warnings.put(Long.parseLong(row.get(0)), row.get(1));
      assertThat(row.get(2)).contains("NUL").contains("U+FFFD");
    }
    assertThat(warnings).isEqualTo(warned);

    String replacedTitle = NUL_TITLE.replace('\u0000', '\uFFFD');
    for (String id : nulProducts) {
      assertThat(query("SELECT title, fields ->> 'title', fields ->> 'descriptionHtml' FROM products"
          + " WHERE product_id = ? AND shop_id = (SELECT id FROM shops WHERE shop_domain = ?)", number(id), target))
          .containsExactly(List.of(replacedTitle, replacedTitle, NUL_DESCRIPTION.replace('\u0000', '\uFFFD')));
    }
    assertThat(query("SELECT DISTINCT m.fields ->> 'value' FROM metafields m JOIN shops s ON s.id = m.shop_id"
        + " WHERE s.shop_domain = ? AND m.owner_type = 'Product' AND m.owner_id = ANY (?::bigint[])", target,
        "{" + nulProducts.stream().map(HostileContentIT::number).map(String::valueOf).collect(Collectors.joining(","))
            + "}"))
        .containsExactly(List.of(NUL_VALUE.replace('\u0000', '\uFFFD')));

    // Everything but the malformed product was stored by this run; that one is kept as the first sync stored it.
    JsonObject original = Json.createReader(new StringReader(malformedLine)).readObject();
    for (String table : List.of("product_variants", "metafields", "product_media")) {
      assertThat(notFromRun(table, target, runId)).as(table + " rows not stored by the run").isEmpty();
    }
    assertThat(notFromRun("products", target, runId)).containsExactly(List.of(
        String.valueOf(number(malformed)), original.getString("title"), "t"));
  }

  @Test
  void aRejectedVariantKeepsItsStoredRowAndMetafields() throws Exception {
    String target = Simulator.shopRegisteredWithApp("badvariant", "plus");
    List<String> export = firstFullSync(target, 30, 31);
    JsonObject before = CatalogIngestIT.summary(target);
    String variantLine = export.stream().filter(l -> id(l).startsWith("gid://shopify/ProductVariant/")
        && export.stream().anyMatch(m -> m.contains("\"__parentId\":\"" + id(l) + "\""))).findFirst().orElseThrow();
    String variant = id(variantLine);
    List<String> file = new ArrayList<>();
    for (String line : export) {
      if (line.equals(variantLine)) {
        file.add("{\"id\":\"" + variant + "\",\"sku\":\"cut off");
      } else if (!line.contains("\"__parentId\":\"" + variant + "\"")) {
        file.add(line); // the variant's metafields are left out: only the rejected line can keep them
      }
    }

    JsonObject run = CatalogIngestIT.syncAndWait(target, jsonlBody(files.serve(file)));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED_WITH_ERRORS");
    JsonObject summary = CatalogIngestIT.summary(target);
    assertThat(summary.getString("reconcile")).isEqualTo("RECONCILED");
    for (String count : List.of("products", "variants", "metafields", "media")) {
      assertThat(summary.getInt(count)).as(count).isEqualTo(before.getInt(count));
    }
    assertThat(query("SELECT kind, gid FROM ingest_errors WHERE run_id = ?::uuid", run.getString("runId")))
        .containsExactly(List.of("variants", variant));
  }

  @Test
  void aLineWhoseIdCannotBeReadStopsDeletionMarkingForTheRun() throws Exception {
    String target = Simulator.shopRegisteredWithApp("unreadable", "plus");
    List<String> export = firstFullSync(target, 40, 29);
    JsonObject before = CatalogIngestIT.summary(target);
    String gone = id(export.stream().filter(l -> !l.contains("\"__parentId\"")).findFirst().orElseThrow());
    List<String> childIds = export.stream().filter(l -> l.contains("\"__parentId\":\"" + gone + "\""))
        .map(HostileContentIT::id).toList();
    List<String> file = new ArrayList<>();
    for (String line : export) {
      String id = id(line);
      String parent = Json.createReader(new StringReader(line)).readObject().getString("__parentId", "");
      if (!id.equals(gone) && !childIds.contains(id) && !childIds.contains(parent)) {
        file.add(line);
      }
    }
    file.add(file.size() / 2, "{\"title\":\"no id before the break\",");

    JsonObject run = CatalogIngestIT.syncAndWait(target, jsonlBody(files.serve(file)));
    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED_WITH_ERRORS");
    JsonObject summary = CatalogIngestIT.summary(target);
    assertThat(summary.getInt("errors")).isEqualTo(1);
    assertThat(summary.getString("reconcile")).isEqualTo("SKIPPED_UNREADABLE_IDS");
    assertThat(summary.getInt("deleted")).isZero();
    assertThat(summary.getInt("products")).isEqualTo(before.getInt("products"));
    assertThat(summary.getInt("variants")).isEqualTo(before.getInt("variants"));
  }

  @Test
  void aJsonlUrlOfALinkLocalOrPrivateAddressIsRefusedBeforeAnyJobStarts() {
    String target = Simulator.shopRegisteredWithApp("ssrf", "standard");
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "link-local address");
    refused.put("https://169.254.169.254/computeMetadata/v1/", "link-local address");
    refused.put("http://10.0.0.1/export.jsonl", "private address");
    refused.put("https://192.168.1.10:8443/export.jsonl", "private address");
    refused.put("http://[fd00::1]/export.jsonl", "unique-local address");
    refused.put("http://0.0.0.0:9080/export.jsonl", "any-local address");
    for (Map.Entry<String, String> url : refused.entrySet()) {
      HttpResponse<String> response = Http.postJsonAsAdmin("/api/ops/shops/" + target + "/sync",
          jsonlBody(url.getKey()));
      assertThat(response.statusCode()).as(url.getKey() + ": " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      JsonObject problem = Http.json(response);
      assertThat(problem.getString("detail")).as(url.getKey()).startsWith("jsonlUrl: ").contains(url.getValue());
    }
    assertThat(CatalogIngestIT.summary(target).get("lastSync")).as("no job was started").isEqualTo(JsonValue.NULL);
  }

  @Test
  void theBatchRestApiPathRefusesThemTooAndFetchesNothing() throws Exception {
    String target = Simulator.shopRegisteredWithApp("ssrf-batch", "standard");
    JsonObject started = BatchRestApi.startJob(
        "{\"applicationName\":\"neanelu\",\"moduleName\":\"web-module.war\",\"jobXMLName\":\"CatalogIngestJob\","
            + "\"jobParameters\":{\"shop\":\"" + target + "\",\"mode\":\"full\","
            + "\"jsonlUrl\":\"http://169.254.169.254/latest/meta-data/\"}}");
    long instance = started.getJsonNumber("instanceId").longValue();
    JsonObject run = awaitRun(target, instance);
    assertThat(run.getString("status")).isEqualTo("FAILED");
    assertThat(run.getString("outcome")).contains("jsonlUrl").contains("link-local address")
        .contains("nothing was fetched");
    assertThat(query("SELECT count(*) FROM sync_run_parts WHERE run_id = ?::uuid", run.getString("runId")))
        .containsExactly(List.of("0"));
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  /** Generates a catalog, syncs it in full from the simulator, and returns the export's lines. */
  private static List<String> firstFullSync(String target, int products, long seed) {
    Simulator.get().control().generateCatalog(target, products, seed);
    JsonObject first = CatalogIngestIT.syncAndWait(target, "{\"mode\":\"full\"}");
    assertThat(first.getString("status")).as(first.toString()).isEqualTo("SUCCEEDED");
    return JsonlFiles.download(Simulator.get().control().bulkOperations(target).get(0).url());
  }

  private static JsonObject awaitRun(String target, long instance) throws InterruptedException {
    Instant deadline = Instant.now().plus(RUN_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (CatalogIngestIT.summary(target).get("lastSync") instanceof JsonObject run
          && run.getJsonNumber("jobInstanceId").longValue() == instance
          && !run.getString("status").equals("RUNNING")) {
        return run;
      }
      Thread.sleep(200); // polling interval; the job's progress is observed, not timed
    }
    throw new AssertionError("The run of job instance " + instance + " did not finish");
  }

  /** Rows of a catalog table of the shop that the run did not stamp: id, title (products only), deleted_at null. */
  private static List<List<String>> notFromRun(String table, String target, String runId) throws Exception {
    String columns = table.equals("products") ? "t.product_id, t.title, t.deleted_at IS NULL" : "t.shop_id";
    return query("SELECT " + columns + " FROM " + table + " t JOIN shops s ON s.id = t.shop_id"
        + " WHERE s.shop_domain = ? AND t.seen_run IS DISTINCT FROM ?::uuid", target, runId);
  }

  private static String id(String line) {
    return Json.createReader(new StringReader(line)).readObject().getString("id");
  }

  private static long number(String gid) {
    return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
  }

  private static String jsonlBody(String url) {
    return Json.createObjectBuilder().add("mode", "full").add("jsonlUrl", url).build().toString();
  }

  /** Every row as text, as the superuser (no row-level security). */
  private static List<List<String>> query(String sql, Object... parameters) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(System.getProperty("it.postgres.url"), "postgres", "");
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
