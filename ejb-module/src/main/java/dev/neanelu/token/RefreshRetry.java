package dev.neanelu.token;

import dev.neanelu.tenant.ShopDomain;
import java.util.logging.Logger;

/**
 * Refreshes with retries on a lost answer. Shopify rotates the pair when it processes a refresh, but keeps the
 * refresh token we sent valid until the new one is first used; since the new one never reached us, sending the
 * previous refresh token again is safe and yields a pair we can store.
 */
final class RefreshRetry {

  private static final Logger LOG = Logger.getLogger(RefreshRetry.class.getName());

  private RefreshRetry() {}

  interface Pause {
    Pause BACKOFF = attempt -> Thread.sleep(200L * attempt);

    void before(int attempt) throws InterruptedException;
  }

  static OfflineToken refresh(TokenEndpoint endpoint, ShopDomain shop, String refreshToken, int attempts, Pause pause) {
    for (int attempt = 1; ; attempt++) {
      try {
        return endpoint.refresh(shop, refreshToken);
      } catch (TokenRequestException e) {
        if (!e.retryable() || attempt >= attempts) {
          throw e;
        }
        LOG.warning(() -> e.getMessage() + "; retrying with the previous refresh token");
        pauseBefore(pause, attempt, e);
      }
    }
  }

  private static void pauseBefore(Pause pause, int attempt, TokenRequestException cause) {
    try {
      pause.before(attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }
}
