package dev.neanelu.webhook;

import dev.neanelu.install.Hmacs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies {@code X-Shopify-Hmac-Sha256}: the base64 HMAC-SHA256 of the raw body keyed with the client secret
 * ({@code SHOPIFY_API_SECRET}), compared in constant time. After a secret rotation Shopify keeps signing with the old
 * secret for up to an hour, so the secrets in {@code SHOPIFY_API_SECRET_PREVIOUS} (comma-separated) verify too.
 * {@link #toString()} never shows a secret.
 */
@ApplicationScoped
public class WebhookSecrets {

  // Optional: an empty value reads as absent, and a missing secret only disables verification (start-up checks the
  // configuration and refuses a production server without one).
  @Inject
  @ConfigProperty(name = "SHOPIFY_API_SECRET")
  Optional<String> current;

  @Inject
  @ConfigProperty(name = "SHOPIFY_API_SECRET_PREVIOUS")
  Optional<String> previous;

  /** Whether {@code hmacBase64} signs {@code body} under the current or a previous secret. */
  public boolean verifies(byte[] body, String hmacBase64) {
    byte[] given = decode(hmacBase64);
    if (given == null) {
      return false;
    }
    boolean valid = false;
    for (String secret : secrets()) {
      // No early exit: the time taken does not tell which secret matched.
      valid |= Hmacs.equal(Hmacs.sha256(secret, body), given);
    }
    return valid;
  }

  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    current.filter(s -> !s.isBlank()).ifPresent(secrets::add);
    for (String old : previous.orElse("").split(",")) {
      if (!old.isBlank()) {
        secrets.add(old.strip());
      }
    }
    return secrets;
  }

  private static byte[] decode(String hmacBase64) {
    if (hmacBase64 == null || hmacBase64.isBlank()) {
      return null;
    }
    try {
      byte[] decoded = Base64.getDecoder().decode(hmacBase64.strip());
      return decoded.length == 32 ? decoded : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "WebhookSecrets[" + secrets().size() + " secrets, <redacted>]";
  }
}
