package dev.neanelu.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * App-reserved namespaces: the owner is the id between {@code app--} and the next {@code --} (or
 * the end); {@code $app} and {@code $app:x} expand for the writing app; anything else is nobody's.
 */
class ReservedNamespaceTest {

  @Test
  void theOwnerIsTheIdAfterThePrefix() {
    assertThat(ReservedNamespace.owner("app--4711")).isEqualTo("4711");
    assertThat(ReservedNamespace.owner("app--4711--reviews")).isEqualTo("4711");
    assertThat(ReservedNamespace.owner("app--sim-client-acme--sync")).isEqualTo("sim-client-acme");
  }

  @Test
  void otherNamespacesHaveNoOwningApp() {
    assertThat(ReservedNamespace.owner("custom")).isNull();
    assertThat(ReservedNamespace.owner("shopify--discovery")).isNull();
    assertThat(ReservedNamespace.owner("myapp--x")).isNull();
    assertThat(ReservedNamespace.owner("app--")).isNull();
    assertThat(ReservedNamespace.owner(null)).isNull();
  }

  @Test
  void shorthandsExpandForTheWritingApp() {
    assertThat(ReservedNamespace.resolve("$app", "42")).isEqualTo("app--42");
    assertThat(ReservedNamespace.resolve(null, "42")).isEqualTo("app--42");
    assertThat(ReservedNamespace.resolve("$app:reviews", "42")).isEqualTo("app--42--reviews");
    assertThat(ReservedNamespace.resolve("custom", "42")).isEqualTo("custom");
    assertThat(ReservedNamespace.resolve("app--7--x", "42")).isEqualTo("app--7--x");
  }
}
