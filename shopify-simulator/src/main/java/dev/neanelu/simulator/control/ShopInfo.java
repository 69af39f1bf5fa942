package dev.neanelu.simulator.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a test needs to talk to a shop: its domain, the app credentials, a ready offline access
 * token, and the URLs ({@code shopBaseUrl} is what {@code SHOPIFY_BASE_URL_TEMPLATE} expands to for
 * this shop).
 */
public record ShopInfo(
    String domain,
    String plan,
    String clientId,
    String clientSecret,
    String accessToken,
    String scopes,
    String shopBaseUrl,
    String graphqlUrl) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shop", domain);
    m.put("plan", plan);
    m.put("clientId", clientId);
    m.put("clientSecret", clientSecret);
    m.put("accessToken", accessToken);
    m.put("scopes", scopes);
    m.put("shopBaseUrl", shopBaseUrl);
    m.put("graphqlUrl", graphqlUrl);
    return m;
  }
}
