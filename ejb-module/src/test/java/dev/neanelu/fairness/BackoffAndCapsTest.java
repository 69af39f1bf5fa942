package dev.neanelu.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neanelu.tenant.ShopPlan;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The small policies: exponential backoff doubles from its base up to its maximum; a plan's cap replaces the default;
 * invalid caps and backoffs are refused; error texts keep class and message but blank out token shapes and are
 * bounded in length.
 */
class BackoffAndCapsTest {

  @Test
  void backoffDoublesUpToItsMaximum() {
    Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30));
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(100)).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPlansCapReplacesTheDefault() {
    CapPolicy caps = new CapPolicy(4, Map.of(ShopPlan.ENTERPRISE, 8));
    assertThat(caps.capFor(ShopPlan.STANDARD)).isEqualTo(4);
    assertThat(caps.capFor(ShopPlan.ENTERPRISE)).isEqualTo(8);
    assertThatThrownBy(() -> CapPolicy.uniform(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorTextsKeepClassAndMessageButNoTokens() {
    Exception failure =
        new IllegalStateException(
            "call failed", new RuntimeException("header X-Shopify-Access-Token: shpat_abc123 Bearer eyJhbGci.x.y"));
    String text = ErrorText.of(failure);
    assertThat(text)
        .startsWith("java.lang.IllegalStateException: call failed <- java.lang.RuntimeException: header")
        .contains("shpat_[redacted]")
        .doesNotContain("abc123")
        .doesNotContain("eyJhbGci");
    assertThat(ErrorText.of(new RuntimeException("x".repeat(5000)))).hasSize(ErrorText.MAX_LENGTH);
  }
}
