package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code shop/redact}, 48 hours after an uninstall, erases the shop: afterwards no table with a {@code shop_id}
 * column (found in the database catalog, as the server finds them) holds a row of it; the registry row stays,
 * marked redacted, and the audit records the counts. Delivering it again is harmless.
 */
class ShopRedactIT {

  private static final String DB = System.getProperty("it.postgres.url");

  @Test
  void shopRedactLeavesNoRowOfTheShopAnywhereAndRepeatingItIsHarmless() throws Exception {
    String shop = InstallFlow.newShop("redact");
    Simulator.get().control().generateCatalog(shop, 25, 3);
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    await().atMost(Duration.ofMinutes(3)).until(() -> WebhookCatalogIT.finishedSync(shop));
    UUID id = TokenDatabase.shops(shop).get(0).id().value();
    assertThat(rowsOf(id).values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(25);

    Simulator.get().control().uninstall(shop);
    await().atMost(Duration.ofSeconds(60)).until(() -> TokenDatabase.shops(shop).get(0).uninstalledAt() != null);

    Simulator.get().control().sendCompliance(shop, "shop/redact", Http.BASE + "/webhooks", null);
    await().atMost(Duration.ofSeconds(90)).until(() -> redactions(shop).size() == 1);
    assertThat(rowsOf(id)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    assertThat(Webhooks.count("SELECT count(*) FROM shops WHERE id = ? AND redacted_at IS NOT NULL", id))
        .isEqualTo(1);
    JsonObject audit = redactions(shop).getJsonObject(0);
    assertThat(audit.getJsonObject("rowsDeleted").getInt("products")).isEqualTo(25);

    Simulator.get().control().sendCompliance(shop, "shop/redact", Http.BASE + "/webhooks", null);
    await().atMost(Duration.ofSeconds(90)).until(() -> redactions(shop).size() == 2);
    assertThat(rowsOf(id)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    assertThat(redactions(shop).getJsonObject(0).getJsonObject("rowsDeleted").getInt("products")).isZero();
  }

  private static JsonArray redactions(String shop) {
    return Json.createReader(new StringReader(Http.getAsAdmin("/api/ops/shops/" + shop + "/redactions").body()))
        .readArray();
  }

  /** Rows of the shop in every table that has a shop_id column, as the superuser sees them. */
  private static Map<String, Long> rowsOf(UUID shop) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(DB, "postgres", "");
        PreparedStatement tables =
            c.prepareStatement(
                "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.columns"
                    + " WHERE column_name = 'shop_id' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                    + " AND table_schema NOT LIKE 'pg\\_temp%' ORDER BY 1");
        ResultSet rs = tables.executeQuery()) {
      while (rs.next()) {
        try (PreparedStatement count =
            c.prepareStatement("SELECT count(*) FROM " + rs.getString(1) + " WHERE shop_id = ?")) {
          count.setObject(1, shop);
          try (ResultSet n = count.executeQuery()) {
            n.next();
            counts.put(rs.getString(1), n.getLong(1));
          }
        }
      }
    }
    assertThat(counts).containsKeys("public.products", "public.webhook_inbox", "public.work_items");
    return counts;
  }
}
