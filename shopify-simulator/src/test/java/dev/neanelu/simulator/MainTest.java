package dev.neanelu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Command line parsing: shops from --generate/--shop/--load, shared credentials, lifetimes; bad
 * input refused.
 */
class MainTest {

  @Test
  void parsesShopsAndSettings() {
    SimulatorOptions o =
        Main.parse(
            new String[] {
              "--port",
              "8089",
              "--generate",
              "acme=100",
              "--shop",
              "beta:PLUS",
              "--seed",
              "7",
              "--access-token",
              "shpat_x",
              "--export-speed",
              "500",
              "--access-token-ttl",
              "60"
            });
    assertThat(o.port()).isEqualTo(8089);
    assertThat(o.exportObjectsPerSecond()).isEqualTo(500);
    assertThat(o.accessTokenTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.shops()).extracting(ShopSpec::name).containsExactly("beta", "acme");
    ShopSpec acme = o.shops().get(1);
    assertThat(acme.generateProducts()).isEqualTo(100);
    assertThat(acme.seed()).isEqualTo(7);
    assertThat(acme.accessToken()).isEqualTo("shpat_x");
    assertThat(o.shops().get(0).plan()).isEqualTo("PLUS");
  }

  @Test
  void defaultCredentialsArePredictable() {
    ShopSpec spec = Main.parse(new String[] {"--generate", "acme.myshopify.com=1"}).shops().get(0);
    assertThat(spec.accessToken()).isEqualTo("shpat_sim_acme");
    assertThat(spec.clientId()).isEqualTo("sim-client-acme");
    assertThat(spec.clientSecret()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void refusesUnknownOptions() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--colour", "red"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Main.parse(new String[] {"--generate", "acme"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
