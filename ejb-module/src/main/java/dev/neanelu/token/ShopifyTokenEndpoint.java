package dev.neanelu.token;

import dev.neanelu.tenant.ShopDomain;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** {@link TokenEndpoint} over the JDK HTTP client, JSON bodies, at {@code {SHOPIFY_BASE_URL_TEMPLATE}/admin/oauth/access_token}. */
public final class ShopifyTokenEndpoint implements TokenEndpoint {

  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
  private static final String OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String baseUrlTemplate;
  private final AppCredentials app;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ShopifyTokenEndpoint(String baseUrlTemplate, AppCredentials app, Clock clock) {
    this.baseUrlTemplate = baseUrlTemplate;
    this.app = app;
    this.clock = clock;
  }

  @Override
  public OfflineToken authorizationCode(ShopDomain shop, String code) {
    return post(shop, "authorization code", grant().add("code", code));
  }

  @Override
  public OfflineToken refresh(ShopDomain shop, String refreshToken) {
    return post(shop, "refresh", grant().add("grant_type", "refresh_token").add("refresh_token", refreshToken));
  }

  @Override
  public OfflineToken exchangeSessionToken(ShopDomain shop, String sessionToken) {
    return post(shop, "session token exchange", exchange(sessionToken, ID_TOKEN));
  }

  @Override
  public OfflineToken migrateLegacy(ShopDomain shop, String legacyAccessToken) {
    return post(shop, "legacy token migration", exchange(legacyAccessToken, OFFLINE));
  }

  private JsonObjectBuilder grant() {
    return Json.createObjectBuilder()
        .add("client_id", app.clientId())
        .add("client_secret", app.clientSecret())
        .add("expiring", "1");
  }

  private JsonObjectBuilder exchange(String subject, String subjectType) {
    return grant()
        .add("grant_type", TOKEN_EXCHANGE)
        .add("subject_token", subject)
        .add("subject_token_type", subjectType)
        .add("requested_token_type", OFFLINE);
  }

  private OfflineToken post(ShopDomain shop, String grant, JsonObjectBuilder body) {
    String what = "Token request (" + grant + ") for " + shop;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrlTemplate.replace("{shop}", shop.value()) + "/admin/oauth/access_token"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
            .build();
    HttpResponse<String> response = send(request, what);
    JsonObject json = parse(response.body());
    int status = response.statusCode();
    if (status / 100 != 2) {
      String error = json != null && json.containsKey("error") ? json.get("error").toString() : "no error code";
      // 5xx and 429: Shopify may not have processed it, or processed it and failed to answer; same request again.
      throw new TokenRequestException(what + " answered " + status + " " + error, status >= 500 || status == 429, null);
    }
    if (json == null) {
      throw new TokenRequestException(what + ": the answer is not JSON", false, null);
    }
    return TokenResponses.read(json, clock.instant(), what);
  }

  /** The answer may be lost after Shopify acted on the request: always retryable with the same grant. */
  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TokenRequestException(what + " got no answer (" + e.getClass().getSimpleName() + ")", true, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenRequestException(what + " was interrupted", true, null);
    }
  }

  private static JsonObject parse(String body) {
    try {
      return Json.createReader(new StringReader(body)).readObject();
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }
}
