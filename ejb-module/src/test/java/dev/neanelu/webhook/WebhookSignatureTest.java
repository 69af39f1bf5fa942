package dev.neanelu.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Webhook signatures, on a computed vector (secret {@code hush}, the body below, base64 HMAC-SHA256): the vector
 * verifies under the current secret and, during a rotation, under a previous one; one changed body byte, another
 * secret, or a missing, truncated or non-base64 header does not.
 */
class WebhookSignatureTest {

  private static final byte[] BODY =
      ("{\"admin_graphql_api_id\":\"gid://shopify/BulkOperation/720918\",\"completed_at\":\"2024-08-29T17:23:25Z\","
              + "\"created_at\":\"2024-08-29T17:16:35Z\",\"error_code\":null,\"status\":\"completed\","
              + "\"type\":\"query\"}")
          .getBytes(StandardCharsets.UTF_8);
  private static final String HMAC = "pdvJEIj3hOusHmR8Y4EMdxG1I2qHSwmSCtccgr9AdtM=";

  @ParameterizedTest
  @CsvSource({"hush,''", "new-secret,hush", "new-secret,'other, hush'"})
  void theVectorVerifiesUnderTheCurrentOrAPreviousSecret(String current, String previous) {
    assertThat(secrets(current, previous).verifies(BODY, HMAC)).isTrue();
  }

  @Test
  void aChangedBodyOrAnotherSecretDoesNotVerify() {
    byte[] changed = BODY.clone();
    changed[50] ^= 1;
    assertThat(secrets("hush", "").verifies(changed, HMAC)).isFalse();
    assertThat(secrets("hush2", "hush3").verifies(BODY, HMAC)).isFalse();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "not base64!", "pdvJEIj3hOusHmR8Y4EMdxG1I2qHSwmSCtccgr9A"})
  void aMissingOrMalformedHeaderDoesNotVerify(String header) {
    assertThat(secrets("hush", "").verifies(BODY, header)).isFalse();
  }

  @Test
  void toStringShowsNoSecret() {
    assertThat(secrets("hush-secret", "older-secret").toString()).doesNotContain("hush").doesNotContain("older");
  }

  static WebhookSecrets secrets(String current, String previous) {
    WebhookSecrets secrets = new WebhookSecrets();
    secrets.current = Optional.of(current);
    secrets.previous = Optional.ofNullable(previous);
    return secrets;
  }
}
