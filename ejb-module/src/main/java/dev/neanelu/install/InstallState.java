package dev.neanelu.install;

import dev.neanelu.tenant.ShopDomain;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The OAuth {@code state}: a random nonce sent to Shopify as {@code state} and kept by the browser in a cookie
 * signed with the client secret and bound to the shop. The callback is accepted only if the returned {@code state}
 * equals the cookie's nonce and the cookie's signature holds for that shop, so a callback cannot be forged or
 * replayed into another browser or shop (login CSRF).
 */
public final class InstallState {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private InstallState() {}

  /** A fresh nonce and the cookie value that carries it. */
  public record Issued(String nonce, String cookieValue) {
    @Override
    public String toString() {
      return "Issued[<redacted>]";
    }
  }

  public static Issued issue(ShopDomain shop, String secret) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String nonce = B64.encodeToString(bytes);
    return new Issued(nonce, nonce + "." + signature(nonce, shop, secret));
  }

  /** @throws InstallRejectedException when state or cookie is missing, or they do not match for this shop */
  public static void verify(String state, String cookieValue, ShopDomain shop, String secret)
      throws InstallRejectedException {
    if (state == null || state.isEmpty()) {
      throw new InstallRejectedException("state is missing", true);
    }
    if (cookieValue == null || cookieValue.indexOf('.') < 1) {
      throw new InstallRejectedException("state cookie is missing (expired or another browser)", true);
    }
    String nonce = cookieValue.substring(0, cookieValue.indexOf('.'));
    String signature = cookieValue.substring(cookieValue.indexOf('.') + 1);
    boolean signed = Hmacs.equal(bytes(signature(nonce, shop, secret)), bytes(signature));
    boolean same = Hmacs.equal(bytes(nonce), bytes(state));
    if (!signed || !same) {
      throw new InstallRejectedException("state does not match the state cookie", true);
    }
  }

  private static String signature(String nonce, ShopDomain shop, String secret) {
    String message = "neanelu-oauth-state|" + nonce + "|" + shop.value();
    return B64.encodeToString(Hmacs.sha256(secret, message.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
