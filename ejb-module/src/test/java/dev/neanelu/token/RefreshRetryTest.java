package dev.neanelu.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neanelu.tenant.ShopDomain;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retrying a refresh whose answer was lost:
 *
 * <ul>
 *   <li>lost answer, then success → the retry sends the same (previous) refresh token and returns the new pair;
 *   <li>Shopify refuses (not retryable) → thrown at once, one request;
 *   <li>lost every time → gives up after the attempts allowed.
 * </ul>
 */
class RefreshRetryTest {

  private static final ShopDomain SHOP = new ShopDomain("acme.myshopify.com");
  private static final OfflineToken NEW =
      new OfflineToken("shpat_new", Instant.EPOCH.plusSeconds(3600), "shprt_new", null, "read_products");

  @Test
  void lostAnswerIsRetriedWithThePreviousRefreshToken() {
    FakeEndpoint endpoint = new FakeEndpoint(lost(), NEW);
    assertThat(RefreshRetry.refresh(endpoint, SHOP, "shprt_old", 3, attempt -> {})).isEqualTo(NEW);
    assertThat(endpoint.refreshTokensSent).containsExactly("shprt_old", "shprt_old");
  }

  @Test
  void refusalIsNotRetried() {
    FakeEndpoint endpoint = new FakeEndpoint(new TokenRequestException("400 invalid_grant", false, null), NEW);
    assertThatThrownBy(() -> RefreshRetry.refresh(endpoint, SHOP, "shprt_old", 3, attempt -> {}))
        .hasMessageContaining("invalid_grant");
    assertThat(endpoint.refreshTokensSent).hasSize(1);
  }

  @Test
  void givesUpAfterTheAttemptsAllowed() {
    FakeEndpoint endpoint = new FakeEndpoint(lost(), lost(), lost(), NEW);
    assertThatThrownBy(() -> RefreshRetry.refresh(endpoint, SHOP, "shprt_old", 3, attempt -> {}))
        .isInstanceOf(TokenRequestException.class);
    assertThat(endpoint.refreshTokensSent).hasSize(3);
  }

  private static TokenRequestException lost() {
    return new TokenRequestException("no answer", true, null);
  }

  /** Answers refreshes from a script: an exception to throw or a token to return, in order. */
  private static final class FakeEndpoint implements TokenEndpoint {
    final List<String> refreshTokensSent = new ArrayList<>();
    final Deque<Object> script;

    FakeEndpoint(Object... script) {
      this.script = new ArrayDeque<>(List.of(script));
    }

    @Override
    public OfflineToken refresh(ShopDomain shop, String refreshToken) {
      refreshTokensSent.add(refreshToken);
      Object next = script.removeFirst();
      if (next instanceof TokenRequestException e) {
        throw e;
      }
      return (OfflineToken) next;
    }

    @Override
    public OfflineToken authorizationCode(ShopDomain shop, String code) {
      throw new UnsupportedOperationException();
    }

    @Override
    public OfflineToken exchangeSessionToken(ShopDomain shop, String sessionToken) {
      throw new UnsupportedOperationException();
    }

    @Override
    public OfflineToken migrateLegacy(ShopDomain shop, String legacyAccessToken) {
      throw new UnsupportedOperationException();
    }
  }
}
