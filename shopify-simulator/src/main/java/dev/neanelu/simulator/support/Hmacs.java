package dev.neanelu.simulator.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as Shopify uses it: hex for OAuth query strings, base64 for webhook bodies. */
public final class Hmacs {

  private Hmacs() {}

  public static byte[] sha256(String secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public static String hex(String secret, String message) {
    return HexFormat.of().formatHex(sha256(secret, message.getBytes(StandardCharsets.UTF_8)));
  }

  public static String base64(String secret, byte[] body) {
    return Base64.getEncoder().encodeToString(sha256(secret, body));
  }
}
