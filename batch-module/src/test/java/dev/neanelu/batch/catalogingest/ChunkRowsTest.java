package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A chunk as COPY rows. Scenarios: a duplicated object keeps its newest updatedAt, the later line on a tie, and a
 * dated line over an undated one; every line counts (duplicates too) but only winners are written; kinds the
 * catalog does not store are counted as other and not written; a binary COPY row carries the line number, kind,
 * ids, typed columns (dates as microseconds since 2000, an empty string apart from an absent value) and the JSON as
 * jsonb without a trailing {@code __parentId}, which any other placement keeps, flagged for SQL to remove.
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
        line(1, "{\"id\":\"gid://shopify/ProductVariant/5\",\"title\":\"say \\\"h\u00e9\\\"\",\"sku\":\"\","
            + "\"position\":2,\"updatedAt\":\"2000-01-01T00:00:01Z\" , \"__parentId\":\"gid://shopify/Product/1\" }"),
        line(2, "{\"__parentId\":\"gid://shopify/Product/1\",\"id\":\"gid://shopify/ProductVariant/6\"}")));

    assertThat(rows.has(LineKind.VARIANT)).isTrue();
    List<List<byte[]>> copied = binaryRows(rows);
    assertThat(copied).hasSize(2);
    List<byte[]> first = copied.get(0);
    assertThat(first).hasSize(19);
    assertThat(int8(first.get(0))).isEqualTo(1);
    assertThat(text(first.get(1))).isEqualTo("variants");
    assertThat(text(first.get(2))).isEqualTo("ProductVariant");
    assertThat(int8(first.get(3))).isEqualTo(5);
    assertThat(text(first.get(4))).isEqualTo("Product");
    assertThat(int8(first.get(5))).isEqualTo(1);
    assertThat(first.get(6)).containsExactly(0);
    assertThat(int8(first.get(7))).as("microseconds after 2000-01-01").isEqualTo(1_000_000);
    assertThat(first.get(8)).isNull();
    assertThat(text(first.get(9))).isEqualTo("say \"h\u00e9\"");
    assertThat(text(first.get(14))).isEmpty();
    assertThat(ByteBuffer.wrap(first.get(15)).getInt()).isEqualTo(2);
    assertThat(first.get(16)).isNull();
    assertThat(first.get(18)[0]).as("jsonb version").isEqualTo((byte) 1);
    assertThat(text(Arrays.copyOfRange(first.get(18), 1, first.get(18).length))).isEqualTo(
        "{\"id\":\"gid://shopify/ProductVariant/5\",\"title\":\"say \\\"h\u00e9\\\"\",\"sku\":\"\","
            + "\"position\":2,\"updatedAt\":\"2000-01-01T00:00:01Z\" }");
    List<byte[]> second = copied.get(1);
    assertThat(second.get(6)).as("__parentId left inside for SQL").containsExactly(1);
    assertThat(text(Arrays.copyOfRange(second.get(18), 1, second.get(18).length))).isEqualTo(
        "{\"__parentId\":\"gid://shopify/Product/1\",\"id\":\"gid://shopify/ProductVariant/6\"}");
  }

  private static StagedLine product(long number, long id, String updatedAt, String title) throws Exception {
    String json = "{\"id\":\"gid://shopify/Product/" + id + "\",\"title\":\"" + title + "\""
        + (updatedAt == null ? "" : ",\"updatedAt\":\"" + updatedAt + "\"") + "}";
    return line(number, json);
  }

  private static StagedLine line(long number, String json) throws MalformedLineException {
    RawLine raw = new RawLine(number, 0, json.getBytes(StandardCharsets.UTF_8), false);
    return new LineValidator().validate(raw).withRow(0, 0, new CopyRow());
  }

  /** The JSON of every row, one per line, for looking at what was written. */
  private static String text(ChunkRows rows) throws IOException {
    StringBuilder text = new StringBuilder();
    for (List<byte[]> row : binaryRows(rows)) {
      byte[] doc = row.get(row.size() - 1);
      text.append(text(Arrays.copyOfRange(doc, 1, doc.length))).append('\n');
    }
    return text.toString();
  }

  /** Reads a binary COPY body back: the signature, then each row's fields (null for NULL), then the trailer. */
  private static List<List<byte[]>> binaryRows(ChunkRows rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    rows.writeTo(out);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
    byte[] signature = new byte[11];
    in.readFully(signature);
    assertThat(signature).isEqualTo("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(in.readInt()).as("flags").isZero();
    assertThat(in.readInt()).as("header extension").isZero();
    List<List<byte[]>> result = new ArrayList<>();
    for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
      List<byte[]> row = new ArrayList<>();
      for (int i = 0; i < fields; i++) {
        int length = in.readInt();
        byte[] field = length < 0 ? null : new byte[length];
        if (field != null) {
          in.readFully(field);
        }
        row.add(field);
      }
      result.add(row);
    }
    assertThat(in.read()).as("nothing after the trailer").isEqualTo(-1);
    return result;
  }

  private static String text(byte[] field) {
    return new String(field, StandardCharsets.UTF_8);
  }

  private static long int8(byte[] field) {
    assertThat(field).hasSize(8);
    return ByteBuffer.wrap(field).getLong();
  }
}
