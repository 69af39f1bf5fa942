package dev.neanelu.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Reading token endpoint answers:
 *
 * <ul>
 *   <li>expiring pair → both expiries from now; legacy {@code {access_token, scope}} → non-expiring;
 *   <li>{@code refresh_token} without {@code expires_in} → error, never "non-expiring" (shopify-app-js#3400);
 *   <li>{@code expires_in} without {@code refresh_token}, no {@code access_token} → error;
 *   <li>{@code toString} never shows a token.
 * </ul>
 */
class TokenResponsesTest {

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  @Test
  void expiringPairAndLegacyToken() {
    OfflineToken pair =
        read("{\"access_token\":\"shpat_a\",\"scope\":\"read_products\",\"expires_in\":3600,"
            + "\"refresh_token\":\"shprt_r\",\"refresh_token_expires_in\":7776000}");
    assertThat(pair.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(pair.refreshExpiresAt()).isEqualTo(NOW.plusSeconds(7776000));
    assertThat(pair.needsRefresh(NOW)).isFalse();
    assertThat(pair.needsRefresh(NOW.plusSeconds(3600 - 299))).isTrue();
    assertThat(pair.toString()).doesNotContain("shpat_a").doesNotContain("shprt_r");
    OfflineToken legacy = read("{\"access_token\":\"shpat_a\",\"scope\":\"read_products\"}");
    assertThat(legacy.expiring()).isFalse();
    assertThat(legacy.needsRefresh(NOW.plusSeconds(1_000_000))).isFalse();
  }

  @Test
  void refreshTokenWithoutExpiresInIsAnError() {
    assertThatThrownBy(() -> read("{\"access_token\":\"shpat_a\",\"refresh_token\":\"shprt_r\"}"))
        .isInstanceOf(TokenRequestException.class)
        .hasMessageContaining("without expires_in")
        .hasMessageNotContaining("shprt_r")
        .matches(e -> !((TokenRequestException) e).retryable());
  }

  @Test
  void otherIncompleteAnswersAreErrors() {
    assertThatThrownBy(() -> read("{\"access_token\":\"shpat_a\",\"expires_in\":3600}"))
        .isInstanceOf(TokenRequestException.class);
    assertThatThrownBy(() -> read("{\"scope\":\"x\"}")).isInstanceOf(TokenRequestException.class);
  }

  private static OfflineToken read(String json) {
    return TokenResponses.read(Json.createReader(new StringReader(json)).readObject(), NOW, "test");
  }
}
