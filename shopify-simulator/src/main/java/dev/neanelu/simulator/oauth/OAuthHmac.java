package dev.neanelu.simulator.oauth;

import dev.neanelu.simulator.support.Hmacs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The HMAC Shopify puts on OAuth redirects and app URLs: every query parameter except {@code hmac}
 * and {@code signature}, keys sorted, form-encoded with {@code %20} for spaces, joined with {@code
 * &}, then hex HMAC-SHA256 keyed with the app's client secret.
 */
public final class OAuthHmac {

  private OAuthHmac() {}

  public static String message(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    new TreeMap<>(params)
        .forEach(
            (k, v) -> {
              if (!k.equals("hmac") && !k.equals("signature")) {
                joined.add(encode(k) + "=" + encode(v));
              }
            });
    return joined.toString();
  }

  public static String sign(String secret, Map<String, String> params) {
    return Hmacs.hex(secret, message(params));
  }

  /** Constant-time check of the {@code hmac} parameter. */
  public static boolean verify(String secret, Map<String, String> params) {
    String given = params.get("hmac");
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.US_ASCII),
            sign(secret, params).getBytes(StandardCharsets.US_ASCII));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
