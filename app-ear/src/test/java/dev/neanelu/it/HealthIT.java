package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health of the started EAR. Scenarios: readiness with database, schema version and Redis all checked
 * (the IT server has REDIS_URL set); liveness.
 */
class HealthIT {

  @Test
  void readyChecksDatabaseSchemaAndRedis() {
    HttpResponse<String> response = Http.get("/health/ready");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = Http.json(response);
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("name"), c -> c.getString("status"))
        .contains(
            org.assertj.core.groups.Tuple.tuple("database", "UP"),
            org.assertj.core.groups.Tuple.tuple("redis", "UP"));
    JsonObject database =
        body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertThat(database.getJsonObject("data").getInt("schemaVersion"))
        .isEqualTo(database.getJsonObject("data").getInt("expectedSchemaVersion"));
  }

  @Test
  void liveIsUp() {
    HttpResponse<String> response = Http.get("/health/live");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).getString("status")).isEqualTo("UP");
  }
}
