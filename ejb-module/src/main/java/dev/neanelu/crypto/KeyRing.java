package dev.neanelu.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys the application may use: one current key that seals new values, and previous keys that can still
 * open old ones until a rotation has re-sealed everything. A key's id is derived from the key itself (a short hash),
 * so operators configure only keys, and a value always names the key that sealed it.
 */
public final class KeyRing {

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private KeyRing(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = Map.copyOf(keys);
  }

  /**
   * @param current base64 of 32 bytes
   * @param previous comma-separated base64 keys, possibly blank
   * @throws IllegalArgumentException naming the setting (never the key) when a key is malformed
   */
  public static KeyRing of(String current, String previous) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    SecretKey currentKey = decode(current, "ENCRYPTION_KEY_256");
    String currentId = idOf(currentKey);
    keys.put(currentId, currentKey);
    if (previous != null) {
      for (String encoded : previous.split(",")) {
        if (!encoded.isBlank()) {
          SecretKey key = decode(encoded, "ENCRYPTION_KEYS_PREVIOUS");
          keys.putIfAbsent(idOf(key), key);
        }
      }
    }
    return new KeyRing(currentId, keys);
  }

  public String currentId() {
    return currentId;
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  Optional<SecretKey> byId(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  private static SecretKey decode(String encoded, String setting) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " holds a value that is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(setting + " must hold base64 of exactly 32 bytes");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /** First 8 bytes of SHA-256 over a label and the key: identifies the key without revealing it. */
  private static String idOf(SecretKey key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("neanelu key id".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(key.getEncoded()), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
