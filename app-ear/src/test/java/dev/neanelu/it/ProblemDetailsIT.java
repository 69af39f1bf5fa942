package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Error paths answer RFC 9457 problem+json with a catalogue code and no stack trace. Scenarios: unknown path
 * outside JAX-RS (servlet container), unknown path under /api (JAX-RS), ops API without or with wrong credentials,
 * malformed JSON body, body of the wrong shape.
 */
class ProblemDetailsIT {

  @Test
  void unknownPathOutsideApiIsProblem404() {
    assertProblem(Http.get("/no/such/page"), 404, "NEANELU-E001");
  }

  @Test
  void unknownPathUnderApiIsProblem404() {
    assertProblem(Http.get("/api/no-such-resource"), 404, "NEANELU-E001");
  }

  @Test
  void opsApiWithoutCredentialsIsProblem401() {
    assertProblem(Http.postJson("/api/ops/shops", "{}", null), 401, "NEANELU-E007");
  }

  @Test
  void opsApiWithWrongPasswordIsProblem401() {
    assertProblem(Http.postJson("/api/ops/shops", "{}", Http.basic("admin:wrong")), 401, "NEANELU-E007");
  }

  @Test
  void malformedJsonBodyIsProblem400() {
    assertProblem(Http.postJsonAsAdmin("/api/ops/shops", "{\"shop\": \"x.myshopify.com\","), 400, "NEANELU-E005");
  }

  @Test
  void jsonOfTheWrongShapeIsProblem400() {
    assertProblem(Http.postJsonAsAdmin("/api/ops/shops", "[1, 2, 3]"), 400, "NEANELU-E005");
  }

  static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
    JsonObject problem = Http.json(response);
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getString("type")).startsWith("https://neanelu.dev/problems/");
    assertThat(problem.getString("title")).isNotBlank();
    return problem;
  }
}
