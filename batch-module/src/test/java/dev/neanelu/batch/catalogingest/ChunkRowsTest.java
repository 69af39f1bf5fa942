package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A chunk as COPY rows. Scenarios: a duplicated object keeps its newest updatedAt, the later line on a tie, and a
 * dated line over an undated one; every line counts (duplicates too) but only winners are written; kinds the
 * catalog does not store are counted as other and not written; a row carries the kind, ids, typed columns (quoted,
 * empty apart from absent) and the JSON without a trailing {@code __parentId}, which any other placement keeps for
 * SQL to remove; quotes are doubled.
 */
class ChunkRowsTest {

  private static final UUID RUN = UUID.randomUUID();

  @Test
  void aDuplicatedObjectKeepsItsNewestLine() throws Exception {
    ChunkRows rows = ChunkRows.of(List.of(
        product(1, 7, "2026-01-02T00:00:00Z", "new"),
        product(2, 7, "2026-01-01T00:00:00Z", "old"),
        product(3, 8, "2026-01-01T00:00:00Z", "first"),
        product(4, 8, "2026-01-01T00:00:00Z", "second"),
        product(5, 9, null, "undated"),
        product(6, 9, "2026-01-01T00:00:00Z", "dated")));

    String csv = text(rows);
    assertThat(csv).contains("new").doesNotContain("old");
    assertThat(csv).contains("second").doesNotContain("first");
    assertThat(csv).contains("dated").doesNotContain("undated");
    assertThat(csv.lines()).hasSize(3);
    assertThat(rows.size()).isEqualTo(3);
    assertThat(rows.tally(RUN)).containsEntry("lines", 6L).containsEntry("products", 6L);
    assertThat(rows.partTallies(RUN)).containsExactly(
        Map.of("run_id", RUN, "part", 0, "lines", 6L, "roots", 6L));
  }

  @Test
  void kindsTheCatalogDoesNotStoreAreCountedNotWritten() throws Exception {
    ChunkRows rows = ChunkRows.of(List.of(
        line(1, "{\"id\":\"gid://shopify/Collection/3\"}"),
        line(2, "{\"id\":\"gid://shopify/Metafield/4\",\"__parentId\":\"gid://shopify/Collection/3\"}")));

    assertThat(rows.size()).isZero();
    assertThat(text(rows)).isEmpty();
    assertThat(rows.has(LineKind.METAFIELD)).isFalse();
    assertThat(rows.tally(RUN)).containsEntry("other", 2L).containsEntry("metafields", 0L);
  }

  @Test
  void aRowCarriesIdsTypedColumnsAndTheJsonWithoutATrailingParentId() throws Exception {
    ChunkRows rows = ChunkRows.of(List.of(
        line(1, "{\"id\":\"gid://shopify/ProductVariant/5\",\"title\":\"say \\\"hi\\\"\",\"sku\":\"\","
            + "\"position\":2,\"updatedAt\":\"2026-01-01T00:00:00Z\" , \"__parentId\":\"gid://shopify/Product/1\" }"),
        line(2, "{\"__parentId\":\"gid://shopify/Product/1\",\"id\":\"gid://shopify/ProductVariant/6\"}")));

    assertThat(rows.has(LineKind.VARIANT)).isTrue();
    assertThat(text(rows).lines()).containsExactly(
        "1,variants,ProductVariant,5,Product,1,f,\"2026-01-01T00:00:00Z\",,\"say \"\"hi\"\"\",,,,,\"\",\"2\",,,"
            + "\"{\"\"id\"\":\"\"gid://shopify/ProductVariant/5\"\",\"\"title\"\":\"\"say \\\"\"hi\\\"\"\"\","
            + "\"\"sku\"\":\"\"\"\",\"\"position\"\":2,\"\"updatedAt\"\":\"\"2026-01-01T00:00:00Z\"\" }\"",
        "2,variants,ProductVariant,6,Product,1,t,,,,,,,,,,,,\"{\"\"__parentId\"\":\"\"gid://shopify/Product/1\"\","
            + "\"\"id\"\":\"\"gid://shopify/ProductVariant/6\"\"}\"");
  }

  private static StagedLine product(long number, long id, String updatedAt, String title) throws Exception {
    String json = "{\"id\":\"gid://shopify/Product/" + id + "\",\"title\":\"" + title + "\""
        + (updatedAt == null ? "" : ",\"updatedAt\":\"" + updatedAt + "\"") + "}";
    return line(number, json);
  }

  private static StagedLine line(long number, String json) throws MalformedLineException {
    RawLine raw = new RawLine(number, 0, json.getBytes(StandardCharsets.UTF_8), false);
    return new LineValidator().validate(raw).withCsv(0, new CsvRow());
  }

  private static String text(ChunkRows rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    rows.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
