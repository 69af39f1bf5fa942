package dev.neanelu.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM (JDK provider): a fresh random 96-bit nonce per value, a 128-bit tag,
 * and additional authenticated data binding the value to where it belongs ({@code context}, e.g. a shop and field)
 * and to the key that sealed it. A sealed value is text: {@code v1.<keyId>.<base64(nonce || ciphertext || tag)>}.
 *
 * <p>Failures never include plaintext or key material in their messages.
 */
public final class SecretCipher {

  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyRing keys;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(KeyRing keys) {
    this.keys = keys;
  }

  /** Seals {@code plaintext} under the current key for {@code context}. */
  public String seal(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String keyId = keys.currentId();
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, context, keyId);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return VERSION + "." + keyId + "." + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new SecretCipherException("Sealing failed for " + context, e);
    }
  }

  /** Opens a value sealed for {@code context} under any key in the ring. */
  public String open(String sealed, String context) {
    String[] parts = sealed.split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new SecretCipherException("Not a sealed value (" + context + ")", null);
    }
    SecretKey key =
        keys.byId(parts[1])
            .orElseThrow(
                () -> new SecretCipherException("Sealed with unknown key " + parts[1] + " (" + context + ")", null));
    try {
      byte[] bytes = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), context, parts[1]);
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SecretCipherException("Sealed value failed authentication (" + context + ")", e);
    }
  }

  /** Whether a value is sealed under a key other than the current one (rotation re-seals those). */
  public boolean needsResealing(String sealed) {
    String[] parts = sealed.split("\\.", 3);
    return parts.length != 3 || !parts[1].equals(keys.currentId());
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context, String keyId)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD((VERSION + "|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
