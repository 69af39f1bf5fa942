package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/ops/shops} on the started EAR. Scenarios: a new shop is registered (201, Location, no token in
 * the answer) and its token is stored sealed (a dump of the table holds no plain token); the same shop again is a
 * 409; invalid fields are a 400 naming each field; an unknown shop is a 404; all errors are problem+json.
 */
class ShopRegistrationIT {

  private static final String DB_URL = System.getProperty("it.postgres.url");

  @Test
  void registersAShopAndStoresItsTokenSealed() throws Exception {
    String shop = uniqueShop();
    String token = "shpat_" + UUID.randomUUID().toString().replace("-", "");
    HttpResponse<String> response =
        Http.postJsonAsAdmin(
            "/api/ops/shops",
            "{\"shop\":\"" + shop + "\",\"accessToken\":\"" + token + "\",\"plan\":\"plus\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue(Http.BASE + "/api/ops/shops/" + shop);
    assertThat(response.body()).doesNotContain(token);
    JsonObject body = Http.json(response);
    assertThat(body.getString("shop")).isEqualTo(shop);
    assertThat(body.getString("plan")).isEqualTo("plus");
    assertThat(UUID.fromString(body.getString("id")).version()).isEqualTo(7);

    assertThat(Http.getAsAdmin("/api/ops/shops/" + shop).statusCode()).isEqualTo(200);
    assertThat(credentialsDump()).contains("v1.").doesNotContain(token);
  }

  @Test
  void registeringAnInstalledShopAgainIsAConflict() {
    String body = "{\"shop\":\"" + uniqueShop() + "\",\"accessToken\":\"shpat_x\"}";
    assertThat(Http.postJsonAsAdmin("/api/ops/shops", body).statusCode()).isEqualTo(201);
    ProblemDetailsIT.assertProblem(Http.postJsonAsAdmin("/api/ops/shops", body), 409, "NEANELU-E009");
  }

  @Test
  void invalidFieldsAreNamed() {
    JsonObject problem =
        ProblemDetailsIT.assertProblem(
            Http.postJsonAsAdmin(
                "/api/ops/shops", "{\"shop\":\"a.myshopify.com.evil.com\",\"accessToken\":\" \",\"plan\":\"gold\"}"),
            400,
            "NEANELU-E006");
    assertThat(problem.getString("detail")).contains("shop:").contains("accessToken:").contains("plan:");
  }

  @Test
  void unknownShopIsNotFound() {
    ProblemDetailsIT.assertProblem(Http.getAsAdmin("/api/ops/shops/" + uniqueShop()), 404, "NEANELU-E001");
  }

  private static String uniqueShop() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
  }

  /** Everything in the credentials table, read as the superuser (RLS does not hide rows from it). */
  private static String credentialsDump() throws Exception {
    StringBuilder dump = new StringBuilder();
    try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT shop_credentials::text FROM shop_credentials")) {
      while (rs.next()) {
        dump.append(rs.getString(1)).append('\n');
      }
    }
    return dump.toString();
  }
}
