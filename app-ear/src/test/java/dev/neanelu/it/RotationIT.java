package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neanelu.crypto.KeyRing;
import dev.neanelu.crypto.SecretCipher;
import dev.neanelu.crypto.SecretCipherException;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.tenant.TenantId;
import dev.neanelu.token.CredentialStore;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Key rotation (issue 7, acceptance 5). The server runs with key B ({@code ENCRYPTION_KEY_256}) and the retired key
 * A in {@code ENCRYPTION_KEYS_PREVIOUS}, as after an operator switched keys:
 *
 * <ul>
 *   <li>a shop's access and refresh tokens sealed under A (written here, as the server would have before the switch)
 *       → the server still reads them: a GraphQL call with the token succeeds;
 *   <li>{@code POST /api/ops/key-rotation} → every stored value is sealed under B (checked on all rows), opens with
 *       key B alone to the same tokens, and no longer opens with key A alone; a second run re-seals nothing;
 *   <li>the rotation command requires the ops credentials.
 * </ul>
 */
class RotationIT {

  private static final SecretCipher KEY_A = new SecretCipher(KeyRing.of(TokenDatabase.PREVIOUS_KEY, null));
  private static final SecretCipher KEY_B = new SecretCipher(KeyRing.of(TokenDatabase.CURRENT_KEY, null));
  private static final List<String> SECRETS = new ArrayList<>(List.of(InstallFlow.API_SECRET));

  @Test
  void valuesSealedUnderTheOldKeyAreReadAndRotationResealsThemAll() {
    String shop = InstallFlow.newShop("rotation");
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    TenantId id = TokenDatabase.shops(shop).get(0).id();
    String access = TokenDatabase.accessToken(id);
    String refresh = TokenDatabase.refreshToken(id);
    SECRETS.add(access);
    SECRETS.add(refresh);
    TokenDatabase.update(
        "UPDATE shop_credentials SET access_token = ?, refresh_token = ? WHERE shop_id = ?",
        KEY_A.seal(access, ShopRegistry.accessTokenContext(id)),
        KEY_A.seal(refresh, CredentialStore.refreshTokenContext(id)),
        id.value());

    HttpResponse<String> graphql = Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify");
    assertThat(graphql.statusCode()).as("read under the previous key: %s", graphql.body()).isEqualTo(200);

    assertThat(Http.postJson("/api/ops/key-rotation", "", null).statusCode()).isEqualTo(401);
    HttpResponse<String> rotated = Http.postJsonAsAdmin("/api/ops/key-rotation", "");
    assertThat(rotated.statusCode()).as("rotation: %s", rotated.body()).isEqualTo(200);
    assertThat(Http.json(rotated).getInt("resealed")).isGreaterThanOrEqualTo(1);

    TokenDatabase.Credentials stored = TokenDatabase.credentials(id).orElseThrow();
    assertThat(KEY_B.open(stored.sealedAccess(), ShopRegistry.accessTokenContext(id))).isEqualTo(access);
    assertThat(KEY_B.open(stored.sealedRefresh(), CredentialStore.refreshTokenContext(id))).isEqualTo(refresh);
    assertThatThrownBy(() -> KEY_A.open(stored.sealedAccess(), ShopRegistry.accessTokenContext(id)))
        .isInstanceOf(SecretCipherException.class);
    assertThat(sealedValuesUnderKeysOtherThanB()).isEmpty();

    HttpResponse<String> again = Http.postJsonAsAdmin("/api/ops/key-rotation", "");
    assertThat(Http.json(again).getInt("resealed")).isZero();
    assertThat(Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void noSecretInTheLogs() {
    ServerLogs.assertNoneContain(SECRETS);
  }

  /** Every sealed value in shop_credentials whose key id is not B's. */
  private static List<String> sealedValuesUnderKeysOtherThanB() {
    String keyB = KeyRing.of(TokenDatabase.CURRENT_KEY, null).currentId();
    List<String> others = new ArrayList<>();
    for (String line : TokenDatabase.dump().split("\n")) {
      for (String part : line.split("[(,)]")) {
        if (part.startsWith("v1.") && !part.startsWith("v1." + keyB + ".")) {
          others.add(part.substring(0, Math.min(part.length(), 20)));
        }
      }
    }
    return others;
  }
}
