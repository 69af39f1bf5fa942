package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A chunk as COPY rows. Scenarios: a duplicated object keeps its newest updatedAt, the later line on a tie, and a
 * dated line over an undated one; every line counts (duplicates too) but only winners are written; kinds the
 * catalog does not store are counted as other and not written; a trailing {@code __parentId} is cut from the stored
 * JSON, any other placement is left for SQL; quotes are doubled.
 */
class ChunkRowsTest {

  private static final UUID RUN = UUID.randomUUID();

  @Test
  void aDuplicatedObjectKeepsItsNewestLine() {
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
    assertThat(rows.tally(RUN)).containsEntry("lines", 6L).containsEntry("products", 6L);
    assertThat(rows.partTallies(RUN)).containsExactly(
        Map.of("run_id", RUN, "part", 0, "lines", 6L, "roots", 6L));
  }

  @Test
  void kindsTheCatalogDoesNotStoreAreCountedNotWritten() {
    ChunkRows rows = ChunkRows.of(List.of(
        line(1, "{\"id\":\"gid://shopify/Collection/3\"}", new Gid("Collection", 3), null),
        line(2, "{\"id\":\"gid://shopify/Metafield/4\",\"__parentId\":\"gid://shopify/Collection/3\"}",
            new Gid("Metafield", 4), new Gid("Collection", 3))));

    assertThat(rows.length()).isZero();
    assertThat(rows.tally(RUN)).containsEntry("other", 2L).containsEntry("metafields", 0L);
  }

  @Test
  void aTrailingParentIdIsCutFromTheStoredJson() {
    ChunkRows rows = ChunkRows.of(List.of(
        line(1, "{\"id\":\"gid://shopify/ProductVariant/5\",\"title\":\"say \\\"hi\\\"\","
            + "\"__parentId\":\"gid://shopify/Product/1\"}", new Gid("ProductVariant", 5), new Gid("Product", 1)),
        line(2, "{\"__parentId\":\"gid://shopify/Product/1\",\"id\":\"gid://shopify/ProductVariant/6\"}",
            new Gid("ProductVariant", 6), new Gid("Product", 1))));

    assertThat(text(rows).lines()).containsExactly(
        "1,ProductVariant,5,Product,1,\"{\"\"id\"\":\"\"gid://shopify/ProductVariant/5\"\",\"\"title\"\":"
            + "\"\"say \\\"\"hi\\\"\"\"\"}\"",
        "2,ProductVariant,6,Product,1,\"{\"\"__parentId\"\":\"\"gid://shopify/Product/1\"\",\"\"id\"\":"
            + "\"\"gid://shopify/ProductVariant/6\"\"}\"");
  }

  private static StagedLine product(long number, long id, String updatedAt, String title) {
    String json = "{\"id\":\"gid://shopify/Product/" + id + "\",\"title\":\"" + title + "\"}";
    return new StagedLine(number, new Gid("Product", id), null, updatedAt, utf8(json), null, 0).withCsv(0);
  }

  private static StagedLine line(long number, String json, Gid gid, Gid parent) {
    return new StagedLine(number, gid, parent, null, utf8(json), null, 0).withCsv(0);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ChunkRows rows) {
    return new String(rows.csv(), 0, rows.length(), StandardCharsets.UTF_8);
  }
}
