package dev.neanelu.token;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/** Reads a token endpoint answer into an {@link OfflineToken}. */
final class TokenResponses {

  private TokenResponses() {}

  /**
   * @throws TokenRequestException (not retryable) when the answer has no access token, or has a refresh token but
   *     no {@code expires_in}: never read as "non-expiring" (shopify-app-js#3400 stored {@code expires: null} and
   *     stopped refreshing that shop for good)
   */
  static OfflineToken read(JsonObject body, Instant now, String what) {
    String access = string(body, "access_token");
    String refresh = string(body, "refresh_token");
    Long expiresIn = seconds(body, "expires_in");
    if (access == null) {
      throw new TokenRequestException(what + ": the answer has no access_token", false, null);
    }
    if (refresh != null && expiresIn == null) {
      throw new TokenRequestException(what + ": refresh_token without expires_in; refusing to store it", false, null);
    }
    if (refresh == null && expiresIn != null) {
      throw new TokenRequestException(what + ": an expiring offline token without refresh_token", false, null);
    }
    Long refreshIn = seconds(body, "refresh_token_expires_in");
    return new OfflineToken(
        access,
        expiresIn == null ? null : now.plusSeconds(expiresIn),
        refresh,
        refreshIn == null ? null : now.plusSeconds(refreshIn),
        string(body, "scope"));
  }

  private static String string(JsonObject body, String name) {
    JsonValue v = body.get(name);
    return v != null && v.getValueType() == JsonValue.ValueType.STRING ? body.getString(name) : null;
  }

  private static Long seconds(JsonObject body, String name) {
    JsonValue v = body.get(name);
    if (v instanceof JsonNumber n) {
      return n.longValue();
    }
    if (v != null && v.getValueType() == JsonValue.ValueType.STRING) {
      try {
        return Long.parseLong(body.getString(name));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
