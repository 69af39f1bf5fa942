package dev.neanelu.bench.ingest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a bulk-export JSONL into CSV files of the rows {@code merge.sql} writes, column for column, so that
 * {@code psql \copy} of those files is the ceiling for the ingest: {@code products.csv},
 * {@code product_variants.csv}, {@code metafields.csv}, {@code product_media.csv} (no {@code synced_at} and
 * {@code deleted_at} columns: their defaults, {@code now()} and NULL, are what the merge writes). Every JSONL line
 * of those four kinds becomes a row; a generated export has no duplicated gids, so the merge's {@code DISTINCT ON}
 * has nothing to drop. Also writes {@code copy.psql}, the four {@code \copy} commands into schema
 * {@code bench_ceiling}. Prints the line count and the rows per table.
 *
 * <p>Usage: {@code CeilingRows <jsonl-url> <shop-uuid> <output-dir>}
 */
public final class CeilingRows {

  private static final Set<String> MEDIA = Set.of("MediaImage", "Video", "ExternalVideo", "Model3d");
  private static final String[] TABLES = {"products", "product_variants", "metafields", "product_media"};

  private final String shopId;
  private final Map<String, Writer> out = new LinkedHashMap<>();
  private final Map<String, Long> rows = new LinkedHashMap<>();

  private CeilingRows(String shopId) {
    this.shopId = shopId;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[2]));
    CeilingRows ceiling = new CeilingRows(args[1]);
    long lines = ceiling.convert(open(URI.create(args[0])), dir);
    Files.writeString(dir.resolve("copy.psql"), copyCommands(dir));
    StringBuilder report = new StringBuilder("lines=" + lines);
    ceiling.rows.forEach((table, n) -> report.append(' ').append(table).append('=').append(n));
    System.out.println(report);
  }

  private static InputStream open(URI uri) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + response.statusCode());
    }
    return response.body();
  }

  private long convert(InputStream in, Path dir) throws IOException {
    for (String table : TABLES) {
      out.put(table, Files.newBufferedWriter(dir.resolve(table + ".csv"), StandardCharsets.UTF_8));
      rows.put(table, 0L);
    }
    long lines = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines++;
          row(Json.createReader(new StringReader(line)).readObject());
        }
      }
    } finally {
      for (Writer w : out.values()) {
        w.close();
      }
    }
    return lines;
  }

  private void row(JsonObject doc) throws IOException {
    String gid = doc.getString("id");
    String type = part(gid, 3);
    String parent = text(doc, "__parentId");
    JsonObject fields = without(doc, "__parentId");
    if (type.equals("Product")) {
      write("products", shopId, part(gid, 4), orEmpty(text(doc, "title")), text(doc, "handle"),
          text(doc, "status"), text(doc, "vendor"), text(doc, "productType"), tags(doc), text(doc, "createdAt"),
          text(doc, "updatedAt"), fields.toString());
    } else if (type.equals("ProductVariant")) {
      String product = parent != null ? parent : productOf(doc);
      write("product_variants", shopId, part(gid, 4), part(product, 4), text(doc, "sku"), text(doc, "title"),
          text(doc, "position"), text(doc, "updatedAt"), fields.toString());
    } else if (type.equals("Metafield") && parent != null
        && (part(parent, 3).equals("Product") || part(parent, 3).equals("ProductVariant"))) {
      write("metafields", shopId, part(gid, 4), part(parent, 3), part(parent, 4), text(doc, "namespace"),
          text(doc, "key"), text(doc, "updatedAt"), fields.toString());
    } else if (MEDIA.contains(type) && parent != null && part(parent, 3).equals("Product")) {
      write("product_media", shopId, part(gid, 4), part(parent, 4), type, fields.toString());
    }
  }

  /** The four {@code \copy} commands into schema {@code bench_ceiling}, for {@code psql -f}. */
  private static String copyCommands(Path dir) {
    StringBuilder script = new StringBuilder();
    for (String table : TABLES) {
      script.append("\\copy bench_ceiling.").append(table).append(" (").append(columns(table)).append(") FROM '")
          .append(dir.toAbsolutePath().resolve(table + ".csv")).append("' CSV\n");
    }
    return script.toString();
  }

  /** Column lists of the {@code \copy} commands, in the order {@link #row} writes them. */
  private static String columns(String table) {
    return switch (table) {
      case "products" -> "shop_id, product_id, title, handle, status, vendor, product_type, tags, created_at,"
          + " updated_at, fields";
      case "product_variants" -> "shop_id, variant_id, product_id, sku, title, position, updated_at, fields";
      case "metafields" -> "shop_id, metafield_id, owner_type, owner_id, namespace, key, updated_at, fields";
      case "product_media" -> "shop_id, media_id, product_id, media_type, fields";
      default -> throw new IllegalArgumentException(table);
    };
  }

  private void write(String table, String... values) throws IOException {
    Writer w = out.get(table);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      if (values[i] != null) {
        w.write('"');
        w.write(values[i].replace("\"", "\"\""));
        w.write('"');
      }
    }
    w.write('\n');
    rows.merge(table, 1L, Long::sum);
  }

  /** {@code split_part(gid, '/', n + 1)}: gid://shopify/Type/123 splits into "gid:", "", "shopify", Type, 123. */
  private static String part(String gid, int index) {
    String[] parts = gid.split("/", -1);
    return index < parts.length ? parts[index] : "";
  }

  /** {@code doc ->> name}: a string as is, another scalar as its JSON text, absent or null as SQL NULL. */
  private static String text(JsonObject doc, String name) {
    JsonValue value = doc.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String productOf(JsonObject doc) {
    JsonValue product = doc.get("product");
    return product instanceof JsonObject p ? text(p, "id") : null;
  }

  /** A text[] literal of the tags array, elements quoted with backslash escapes; not an array: '{}'. */
  private static String tags(JsonObject doc) {
    JsonValue value = doc.get("tags");
    if (!(value instanceof JsonArray array)) {
      return "{}";
    }
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < array.size(); i++) {
      JsonValue tag = array.get(i);
      literal.append(i > 0 ? "," : "");
      String s = tag instanceof JsonString js ? js.getString() : tag.toString();
      literal.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return literal.append('}').toString();
  }

  private static JsonObject without(JsonObject doc, String name) {
    if (!doc.containsKey(name)) {
      return doc;
    }
    JsonObjectBuilder copy = Json.createObjectBuilder(doc);
    return copy.remove(name).build();
  }
}
