package dev.neanelu.token;

import java.util.Objects;

/**
 * The app's client id and client secret ({@code SHOPIFY_API_KEY}, {@code SHOPIFY_API_SECRET}). The secret signs and
 * verifies OAuth redirects, webhooks and session tokens and authenticates token requests; {@link #toString()} never
 * shows it.
 */
public record AppCredentials(String clientId, String clientSecret) {

  public AppCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  @Override
  public String toString() {
    return "AppCredentials[clientId=" + clientId + ", clientSecret=<redacted>]";
  }
}
