package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.oauth.OAuthHmac;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Drives the OAuth install as Shopify and a browser would: a signed install request to the app, the app's redirect
 * to the simulator's authorize page (which approves at once), the simulator's redirect back to the callback with the
 * state cookie. Redirects are followed by hand so each hop can be asserted; nothing is mocked.
 */
final class InstallFlow {

  static final String API_KEY = System.getProperty("it.shopify.api.key", "neanelu-dev-client-id");
  static final String API_SECRET =
      System.getProperty("it.shopify.api.secret", "neanelu-dev-client-secret-for-hs256-tokens");

  private InstallFlow() {}

  /** The hops of one install, for assertions. */
  record Hops(
      String shop,
      HttpResponse<String> install,
      String stateCookie,
      String callbackUrl,
      String code,
      HttpResponse<String> callback) {}

  /** A new simulator shop whose installed app is this application (same client id and secret). */
  static String newShop(String prefix) {
    String shop = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    Simulator.get()
        .control()
        .createShop(
            ShopSpec.named(shop).credentials(API_KEY, API_SECRET).accessToken("shpat_legacy_" + UUID.randomUUID()));
    return shop;
  }

  /** The full install; asserts every hop but the callback's answer, which the caller checks. */
  static Hops install(String shop) {
    HttpResponse<String> install = get(Http.BASE + "/auth/install?" + query(signedInstallQuery(shop, Instant.now())), null);
    assertThat(install.statusCode()).as("install answer: %s", install.body()).isEqualTo(302);
    String cookie = stateCookie(install);
    HttpResponse<String> authorize = get(install.headers().firstValue("Location").orElseThrow(), null);
    assertThat(authorize.statusCode()).isEqualTo(302);
    String callbackUrl = authorize.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> callback = get(callbackUrl, cookie);
    return new Hops(shop, install, cookie, callbackUrl, param(callbackUrl, "code"), callback);
  }

  /** Up to (not including) the callback: the URL Shopify sends the browser back to, and the browser's cookie. */
  static Hops authorizeOnly(String shop) {
    HttpResponse<String> install = get(Http.BASE + "/auth/install?" + query(signedInstallQuery(shop, Instant.now())), null);
    assertThat(install.statusCode()).as("install answer: %s", install.body()).isEqualTo(302);
    HttpResponse<String> authorize = get(install.headers().firstValue("Location").orElseThrow(), null);
    String callbackUrl = authorize.headers().firstValue("Location").orElseThrow();
    return new Hops(shop, install, stateCookie(install), callbackUrl, param(callbackUrl, "code"), null);
  }

  /** Shopify's install request parameters, signed with the app's secret. */
  static Map<String, String> signedInstallQuery(String shop, Instant timestamp) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("shop", shop);
    params.put("timestamp", String.valueOf(timestamp.getEpochSecond()));
    params.put("host", Base64.getEncoder().withoutPadding().encodeToString(("admin.shopify.com/store/x").getBytes(StandardCharsets.UTF_8)));
    params.put("hmac", OAuthHmac.sign(API_SECRET, params));
    return params;
  }

  static String query(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach((k, v) -> joined.add(encode(k) + "=" + encode(v)));
    return joined.toString();
  }

  static String param(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static String stateCookie(HttpResponse<String> install) {
    String header =
        install.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("neanelu_oauth_state="))
            .findFirst()
            .orElseThrow();
    return header.substring("neanelu_oauth_state=".length(), header.indexOf(';'));
  }

  static HttpResponse<String> get(String url, String stateCookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (stateCookie != null) {
      request.header("Cookie", "neanelu_oauth_state=" + stateCookie);
    }
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    return Http.send(request);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
