package dev.neanelu.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM sealing. Scenarios: round trip; fresh nonce per value; the value is bound to its context (moving it
 * to another shop fails) and to its key; tampering fails; rotation (old key readable as previous, resealing
 * detected); malformed keys are rejected by setting name without echoing the key.
 */
class SecretCipherTest {

  private static final String KEY_A = key('a');
  private static final String KEY_B = key('b');

  @Test
  void roundTripsAndNeverRepeatsACiphertext() {
    SecretCipher cipher = new SecretCipher(KeyRing.of(KEY_A, ""));
    String first = cipher.seal("shpat_secret", "shop:1/access_token");
    String second = cipher.seal("shpat_secret", "shop:1/access_token");
    assertThat(first).isNotEqualTo(second).doesNotContain("shpat_secret");
    assertThat(cipher.open(first, "shop:1/access_token")).isEqualTo("shpat_secret");
  }

  @Test
  void aValueMovedToAnotherContextDoesNotOpen() {
    SecretCipher cipher = new SecretCipher(KeyRing.of(KEY_A, ""));
    String sealed = cipher.seal("shpat_secret", "shop:1/access_token");
    assertThatThrownBy(() -> cipher.open(sealed, "shop:2/access_token"))
        .isInstanceOf(SecretCipherException.class)
        .hasMessageNotContaining("shpat_secret");
  }

  @Test
  void tamperingIsDetected() {
    SecretCipher cipher = new SecretCipher(KeyRing.of(KEY_A, ""));
    String sealed = cipher.seal("shpat_secret", "ctx");
    int dot = sealed.lastIndexOf('.');
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(dot + 1));
    bytes[bytes.length / 2] ^= 0x01;
    String tampered = sealed.substring(0, dot + 1) + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> cipher.open(tampered, "ctx")).isInstanceOf(SecretCipherException.class);
  }

  @Test
  void previousKeysStillOpenAndMarkValuesForResealing() {
    String underA = new SecretCipher(KeyRing.of(KEY_A, "")).seal("token", "ctx");
    SecretCipher rotated = new SecretCipher(KeyRing.of(KEY_B, KEY_A));
    assertThat(rotated.open(underA, "ctx")).isEqualTo("token");
    assertThat(rotated.needsResealing(underA)).isTrue();
    assertThat(rotated.needsResealing(rotated.seal("token", "ctx"))).isFalse();
  }

  @Test
  void aRetiredKeyCannotOpen() {
    String underA = new SecretCipher(KeyRing.of(KEY_A, "")).seal("token", "ctx");
    SecretCipher withoutA = new SecretCipher(KeyRing.of(KEY_B, ""));
    assertThatThrownBy(() -> withoutA.open(underA, "ctx")).hasMessageContaining("unknown key");
  }

  @Test
  void malformedKeysAreRejectedBySettingName() {
    assertThatThrownBy(() -> KeyRing.of("c2hvcnQ=", ""))
        .hasMessageContaining("ENCRYPTION_KEY_256")
        .hasMessageNotContaining("c2hvcnQ=");
    assertThatThrownBy(() -> KeyRing.of(KEY_A, "not base64!")).hasMessageContaining("ENCRYPTION_KEYS_PREVIOUS");
  }

  private static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
  }
}
