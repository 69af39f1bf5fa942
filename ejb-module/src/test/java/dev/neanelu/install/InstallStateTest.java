package dev.neanelu.install;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neanelu.tenant.ShopDomain;
import org.junit.jupiter.api.Test;

/**
 * The state nonce and its signed cookie: the issued pair verifies; a missing state, a missing cookie, another nonce,
 * a cookie signed for another shop or with another secret, a forged signature → rejected.
 */
class InstallStateTest {

  private static final String SECRET = "a-client-secret-of-at-least-32-characters";
  private static final ShopDomain SHOP = new ShopDomain("acme.myshopify.com");

  @Test
  void issuedStateVerifies() throws Exception {
    InstallState.Issued issued = InstallState.issue(SHOP, SECRET);
    InstallState.verify(issued.nonce(), issued.cookieValue(), SHOP, SECRET);
  }

  @Test
  void anyMismatchIsRejected() {
    InstallState.Issued issued = InstallState.issue(SHOP, SECRET);
    InstallState.Issued other = InstallState.issue(SHOP, SECRET);
    assertThatThrownBy(() -> InstallState.verify(null, issued.cookieValue(), SHOP, SECRET)).hasMessageContaining("missing");
    assertThatThrownBy(() -> InstallState.verify(issued.nonce(), null, SHOP, SECRET)).hasMessageContaining("cookie");
    assertThatThrownBy(() -> InstallState.verify(other.nonce(), issued.cookieValue(), SHOP, SECRET))
        .hasMessageContaining("does not match");
    assertThatThrownBy(
            () -> InstallState.verify(issued.nonce(), issued.cookieValue(), new ShopDomain("evil.myshopify.com"), SECRET))
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> InstallState.verify(issued.nonce(), issued.cookieValue(), SHOP, SECRET + "x"))
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> InstallState.verify(issued.nonce(), issued.nonce() + ".forged", SHOP, SECRET))
        .hasMessageContaining("does not match");
  }
}
