package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/ops/dead-letters} on the started EAR. Scenarios: a shop's dead letter (written into the queue table
 * as the dispatcher leaves it) is listed for that shop with its last error and attempts, and not for another shop; an
 * unknown shop is a 404 and a limit out of range a 400, both problem+json; without credentials, 401.
 */
class FairDeadLettersIT {

  private static final String DB_URL = System.getProperty("it.postgres.url");

  @Test
  void aShopsDeadLettersAreListedWithTheirLastError() throws Exception {
    String shop = registerShop();
    String other = registerShop();
    insertDeadLetter(shopId(shop), "catalog-sync", "java.lang.IllegalStateException: page 7 refused");

    HttpResponse<String> response = Http.getAsAdmin("/api/ops/dead-letters?shop=" + shop);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray letters = array(response);
    assertThat(letters).hasSize(1);
    JsonObject letter = letters.getJsonObject(0);
    assertThat(letter.getString("shop")).isEqualTo(shop);
    assertThat(letter.getString("kind")).isEqualTo("catalog-sync");
    assertThat(letter.getInt("attempts")).isEqualTo(5);
    assertThat(letter.getString("lastError")).isEqualTo("java.lang.IllegalStateException: page 7 refused");
    assertThat(array(Http.getAsAdmin("/api/ops/dead-letters?shop=" + other))).isEmpty();
    assertThat(array(Http.getAsAdmin("/api/ops/dead-letters?limit=1000"))).isNotEmpty();
  }

  @Test
  void unknownShopsAndBadLimitsAreProblems() {
    ProblemDetailsIT.assertProblem(
        Http.getAsAdmin("/api/ops/dead-letters?shop=nobody-" + suffix() + ".myshopify.com"), 404, "NEANELU-E001");
    ProblemDetailsIT.assertProblem(Http.getAsAdmin("/api/ops/dead-letters?limit=0"), 400, "NEANELU-E006");
    assertThat(Http.get("/api/ops/dead-letters").statusCode()).isEqualTo(401);
  }

  private static String registerShop() {
    String shop = "dead-" + suffix() + ".myshopify.com";
    HttpResponse<String> response =
        Http.postJsonAsAdmin("/api/ops/shops", "{\"shop\":\"" + shop + "\",\"accessToken\":\"shpat_x\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    return shop;
  }

  private static UUID shopId(String shop) {
    return UUID.fromString(Http.json(Http.getAsAdmin("/api/ops/shops/" + shop)).getString("id"));
  }

  /** As the superuser (row-level security does not apply to it), the row a last failed attempt leaves. */
  private static void insertDeadLetter(UUID shop, String kind, String error) throws Exception {
    try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "");
        PreparedStatement ws = c.prepareStatement("INSERT INTO work_shops (shop_id) VALUES (?)");
        PreparedStatement item =
            c.prepareStatement(
                "INSERT INTO work_items (queue, shop_id, kind, payload, state, attempts, max_attempts, last_error,"
                    + " finished_at) VALUES ('main', ?, ?, '{}', 'dead', 5, 5, ?, now())")) {
      ws.setObject(1, shop);
      ws.executeUpdate();
      item.setObject(1, shop);
      item.setString(2, kind);
      item.setString(3, error);
      item.executeUpdate();
    }
  }

  private static JsonArray array(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
