package dev.neanelu.token;

import dev.neanelu.shopify.AccessTokens;
import dev.neanelu.shopify.ShopifyAuthException;
import dev.neanelu.shopify.ShopifyTransientException;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one entry point for a shop's offline access token, and the application's {@link AccessTokens}.
 *
 * <p>An expiring token with less than {@link OfflineToken#REFRESH_MARGIN} left is refreshed before it is handed
 * out. Refreshes are single-flight per shop: in this JVM through {@link SingleFlight} (one thread refreshes, the
 * others wait for its result), across JVMs through the advisory lock of {@link CredentialStore} (a JVM that waited
 * re-reads under the lock and finds the fresh pair). So however many workers ask at once, Shopify sees one refresh
 * and no worker ever invalidates another's pair. Nothing is cached in plain text: every use opens the stored value.
 */
@ApplicationScoped
public class TokenService implements AccessTokens {

  private static final int REFRESH_ATTEMPTS = 3;

  @Inject TenantContext tenants;
  @Inject CredentialStore store;
  @Inject TokenRenewal renewal;
  @Inject TokenEndpoint endpoint;

  private final Clock clock = Clock.systemUTC();
  private final SingleFlight<String, OfflineToken> flights = new SingleFlight<>();

  @Override
  public String accessToken(Shop shop) {
    OfflineToken token = stored(shop).orElseThrow(() -> noToken(shop));
    return token.needsRefresh(clock.instant()) ? refreshed(shop, t -> t.needsRefresh(clock.instant())).accessToken()
        : token.accessToken();
  }

  @Override
  public String afterRejection(Shop shop, String rejected) {
    OfflineToken token = stored(shop).orElseThrow(() -> noToken(shop));
    if (!token.accessToken().equals(rejected)) {
      return token.accessToken();
    }
    if (!token.expiring()) {
      throw new ShopifyAuthException("Shopify refused the access token of " + shop.domain());
    }
    return refreshed(shop, t -> t.accessToken().equals(rejected)).accessToken();
  }

  /** The shop's stored credentials, if any (for views: expiry dates; never shown as such). */
  public Optional<OfflineToken> stored(Shop shop) {
    if (!shop.installed()) {
      throw new ShopifyAuthException("Shop " + shop.domain() + " is uninstalled: no access token");
    }
    return tenants.call(shop.id(), c -> store.read(c, shop.id())).map(StoredCredentials::token);
  }

  /**
   * Makes sure an embedded-admin shop has a usable offline token: if it has none, a legacy one, or one whose refresh
   * token expired, obtains one by token exchange of the (already verified) session token.
   *
   * @return the usable credentials
   */
  public OfflineToken ensureUsable(TenantId shop, ShopDomain domain, String sessionToken) {
    return renew(
        shop,
        domain,
        new Step(
            "session-token-exchange",
            t -> t.isEmpty() || !t.get().expiring() || t.get().refreshExpired(clock.instant()),
            t -> endpoint.exchangeSessionToken(domain, sessionToken)));
  }

  /**
   * Replaces credentials Shopify no longer honours (the refresh was refused) by token exchange of the verified
   * session token; a JVM that waited for another one's exchange finds a fresh pair and exchanges nothing.
   */
  public OfflineToken replaceStale(TenantId shop, ShopDomain domain, String sessionToken) {
    return renew(
        shop,
        domain,
        new Step(
            "session-token-replacement",
            t -> t.isEmpty() || t.get().needsRefresh(clock.instant()),
            t -> endpoint.exchangeSessionToken(domain, sessionToken)));
  }

  /** Migrates a legacy non-expiring token to an expiring pair (token exchange); a no-op when already expiring. */
  public OfflineToken migrateLegacy(Shop shop) {
    return renew(
        shop.id(),
        shop.domain(),
        new Step(
            "legacy-migration",
            t -> t.isPresent() && !t.get().expiring(),
            t -> endpoint.migrateLegacy(shop.domain(), t.orElseThrow().accessToken())));
  }

  private OfflineToken refreshed(Shop shop, Predicate<OfflineToken> stale) {
    return renew(
        shop.id(),
        shop.domain(),
        new Step(
            "refresh",
            t -> t.isPresent() && t.get().expiring() && stale.test(t.get()),
            t -> refresh(shop.domain(), t.orElseThrow())));
  }

  private OfflineToken refresh(ShopDomain shop, OfflineToken current) {
    if (current.refreshExpired(clock.instant())) {
      throw new TokenRequestException(
          "The refresh token of " + shop + " has expired; the merchant must open the app again", false, null);
    }
    return RefreshRetry.refresh(endpoint, shop, current.refreshToken(), REFRESH_ATTEMPTS, RefreshRetry.Pause.BACKOFF);
  }

  /** An unlocked read first: the common case (nothing due) costs no lock and no flight. */
  private OfflineToken renew(TenantId shop, ShopDomain domain, Step step) {
    Optional<OfflineToken> current = tenants.call(shop, c -> store.read(c, shop)).map(StoredCredentials::token);
    if (!step.due(current) && current.isPresent()) {
      return current.get();
    }
    try {
      OfflineToken token = flights.run(shop + "/" + step.name(), () -> renewal.renew(shop, step).tokenOrThrow());
      if (token == null) {
        throw new ShopifyAuthException("Shop " + domain + " has no stored access token");
      }
      return token;
    } catch (TokenRequestException e) {
      if (e.retryable()) {
        throw new ShopifyTransientException(e.getMessage(), null);
      }
      throw new ShopifyAuthException(e.getMessage());
    }
  }

  private static ShopifyAuthException noToken(Shop shop) {
    return new ShopifyAuthException("Shop " + shop.domain() + " has no stored access token");
  }

  /** A {@link Renewal} from two functions. */
  private record Step(
      String name,
      Predicate<Optional<OfflineToken>> isDue,
      java.util.function.Function<Optional<OfflineToken>, OfflineToken> obtainer)
      implements Renewal {

    @Override
    public boolean due(Optional<OfflineToken> current) {
      return isDue.test(current);
    }

    @Override
    public OfflineToken obtain(Optional<OfflineToken> current) {
      return obtainer.apply(current);
    }
  }
}
