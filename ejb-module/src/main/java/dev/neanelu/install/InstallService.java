package dev.neanelu.install;

import dev.neanelu.session.SessionToken;
import dev.neanelu.shared.InvalidValueException;
import dev.neanelu.shopify.ShopifyException;
import dev.neanelu.shopify.ShopifyTransientException;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantId;
import dev.neanelu.token.AppCredentials;
import dev.neanelu.token.OfflineToken;
import dev.neanelu.token.TokenEndpoint;
import dev.neanelu.token.TokenRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Installs the app on a shop, by the OAuth authorization code grant ({@link #begin}, {@link #complete}) or from the
 * embedded admin by token exchange ({@link #installBySessionToken}), and uninstalls it ({@link #uninstall}).
 * Installing verifies the request, obtains an expiring offline token, records shop and token in one transaction,
 * subscribes to webhooks and fires {@link ShopInstalled}; nothing is stored when a check fails.
 */
@ApplicationScoped
public class InstallService {

  /** The callback path; the state cookie is scoped to it. */
  public static final String CALLBACK_PATH = "/auth/callback";

  private static final Logger LOG = Logger.getLogger(InstallService.class.getName());
  private static final Pattern ADMIN_HOST =
      Pattern.compile("admin\\.shopify\\.com/store/[a-z0-9][a-z0-9-]*|[a-z0-9][a-z0-9-]*\\.myshopify\\.com/admin");

  @Inject AppCredentials app;
  @Inject TokenEndpoint tokens;
  @Inject InstallRecorder recorder;
  @Inject WebhookRegistrar webhooks;
  @Inject Event<ShopInstalled> installed;
  @Inject Event<ShopUninstalled> uninstalled;

  @Inject
  @ConfigProperty(name = "SHOPIFY_SCOPES", defaultValue = "read_products,write_products")
  String scopes;

  @Inject
  @ConfigProperty(name = "APP_HOST", defaultValue = "http://localhost:9080")
  String appHost;

  @Inject
  @ConfigProperty(name = "SHOPIFY_BASE_URL_TEMPLATE", defaultValue = "https://{shop}")
  String baseUrlTemplate;

  private final Clock clock = Clock.systemUTC();

  /** Where to send the merchant, and the state cookie to set on the way. */
  public record Authorization(URI authorizeUrl, String stateCookie) {
    @Override
    public String toString() {
      return "Authorization[" + authorizeUrl.getHost() + ", state=<redacted>]";
    }
  }

  /** Verifies Shopify's install request and returns the redirect to the authorize page. */
  public Authorization begin(Map<String, List<String>> query) throws InstallRejectedException {
    ShopDomain shop = shopOf(query);
    QueryHmac.verify(query, app.clientSecret(), clock);
    InstallState.Issued state = InstallState.issue(shop, app.clientSecret());
    String authorize =
        base(shop)
            + "/admin/oauth/authorize?client_id="
            + encode(app.clientId())
            + "&scope="
            + encode(scopes)
            + "&redirect_uri="
            + encode(callbackUrl())
            + "&state="
            + encode(state.nonce());
    return new Authorization(URI.create(authorize), state.cookieValue());
  }

  /**
   * Verifies the OAuth callback (shop, state against the cookie, HMAC, timestamp), exchanges the code and installs.
   *
   * @return where to send the merchant: the app inside the Shopify admin
   */
  public URI complete(Map<String, List<String>> query, String stateCookie) throws InstallRejectedException {
    ShopDomain shop = shopOf(query);
    InstallState.verify(QueryHmac.single(query, "state"), stateCookie, shop, app.clientSecret());
    QueryHmac.verify(query, app.clientSecret(), clock);
    String code = QueryHmac.single(query, "code");
    if (code == null || code.isBlank()) {
      throw new InstallRejectedException("code is missing", false);
    }
    finish(shop, obtain(() -> tokens.authorizationCode(shop, code)));
    return adminUrl(shop, QueryHmac.single(query, "host"));
  }

  /** Installs a shop whose merchant opened the embedded app before any install (Shopify managed installation). */
  public Installation installBySessionToken(SessionToken session) throws InstallRejectedException {
    return finish(session.shop(), obtain(() -> tokens.exchangeSessionToken(session.shop(), session.raw())));
  }

  /**
   * Handles {@code app/uninstalled}: idempotent (repeated deliveries change nothing) and safe when late (a delivery
   * triggered before the current installation is ignored).
   */
  public Optional<TenantId> uninstall(ShopDomain shop, Instant triggeredAt) {
    Optional<TenantId> done = recorder.uninstall(shop, triggeredAt);
    done.ifPresent(
        id -> {
          LOG.info(() -> "Shop " + shop + " uninstalled the app; its tokens are deleted");
          announce(() -> uninstalled.fire(new ShopUninstalled(id, shop)), shop);
        });
    return done;
  }

  private Installation finish(ShopDomain shop, OfflineToken token) {
    Installation installation = recorder.install(shop, token, token.scopes());
    try {
      webhooks.register(shop);
    } catch (ShopifyException e) {
      // The install stands (the token is stored); the next install or re-authorisation subscribes again.
      LOG.warning(() -> "Webhook subscriptions for " + shop + " failed: " + e.getMessage());
    }
    if (installation.newlyInstalled()) {
      LOG.info(() -> "Shop " + shop + (installation.reinstall() ? " reinstalled the app" : " installed the app"));
      announce(() -> installed.fire(new ShopInstalled(installation.shop(), shop, installation.reinstall())), shop);
    }
    return installation;
  }

  /**
   * Fires an event after the commit. An observer's failure is logged, not passed on: the install or uninstall has
   * happened and must be answered as such (Shopify would otherwise retry a delivery that already took effect).
   */
  private static void announce(Runnable fire, ShopDomain shop) {
    try {
      fire.run();
    } catch (RuntimeException e) {
      LOG.log(java.util.logging.Level.WARNING, e, () -> "An observer of the install state of " + shop + " failed");
    }
  }

  private static OfflineToken obtain(java.util.function.Supplier<OfflineToken> grant) throws InstallRejectedException {
    try {
      return grant.get();
    } catch (TokenRequestException e) {
      if (e.retryable()) {
        throw new ShopifyTransientException(e.getMessage(), null);
      }
      throw new InstallRejectedException(e.getMessage(), false);
    }
  }

  private static ShopDomain shopOf(Map<String, List<String>> query) throws InstallRejectedException {
    String shop = QueryHmac.single(query, "shop");
    try {
      return new ShopDomain(shop);
    } catch (InvalidValueException e) {
      throw new InstallRejectedException("shop is not a valid <name>.myshopify.com domain", false);
    }
  }

  /** Into the embedded admin via {@code host} when it names a Shopify admin, else the shop's own admin. */
  private URI adminUrl(ShopDomain shop, String host) {
    String decoded = decodeHost(host);
    String admin = decoded != null && ADMIN_HOST.matcher(decoded).matches() ? decoded : shop.value() + "/admin";
    return URI.create("https://" + admin + "/apps/" + encode(app.clientId()));
  }

  private static String decodeHost(String host) {
    if (host == null) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(host.replace('+', '-').replace('/', '_')), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String base(ShopDomain shop) {
    return baseUrlTemplate.replace("{shop}", shop.value());
  }

  private String callbackUrl() {
    return appHost.replaceAll("/+$", "") + CALLBACK_PATH;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
