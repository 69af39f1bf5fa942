package dev.neanelu.simulator.oauth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Token lifetimes, changeable at run time so tests can make tokens expire within seconds. */
public final class Lifetimes {

  public volatile Duration accessToken;
  public volatile Duration refreshToken;
  public volatile Duration onlineToken;
  public volatile Duration sessionToken;

  /**
   * How long a rotated-out refresh token stays retryable at most (Shopify: 30 days from first use).
   */
  public volatile Duration refreshRetryWindow = Duration.ofDays(30);

  public Lifetimes(
      Duration accessToken, Duration refreshToken, Duration onlineToken, Duration sessionToken) {
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.onlineToken = onlineToken;
    this.sessionToken = sessionToken;
  }

  /**
   * Applies {@code accessTokenSeconds}, {@code refreshTokenSeconds}, ... from a control-API body.
   */
  public void apply(Map<String, ?> body) {
    body.forEach(
        (k, v) -> {
          Duration d = Duration.ofSeconds(((Number) v).longValue());
          switch (k) {
            case "accessTokenSeconds" -> accessToken = d;
            case "refreshTokenSeconds" -> refreshToken = d;
            case "onlineTokenSeconds" -> onlineToken = d;
            case "sessionTokenSeconds" -> sessionToken = d;
            case "refreshRetryWindowSeconds" -> refreshRetryWindow = d;
            default -> throw new IllegalArgumentException("unknown lifetime: " + k);
          }
        });
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accessTokenSeconds", accessToken.toSeconds());
    m.put("refreshTokenSeconds", refreshToken.toSeconds());
    m.put("onlineTokenSeconds", onlineToken.toSeconds());
    m.put("sessionTokenSeconds", sessionToken.toSeconds());
    m.put("refreshRetryWindowSeconds", refreshRetryWindow.toSeconds());
    return m;
  }
}
