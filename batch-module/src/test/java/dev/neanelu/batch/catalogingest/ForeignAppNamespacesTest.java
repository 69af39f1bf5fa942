package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the owning app out of a namespace: {@code app--{id}} and {@code app--{id}--…}; nothing else is owned. */
class ForeignAppNamespacesTest {

  @Test
  void theOwnerIsTheIdAfterThePrefix() {
    assertThat(ForeignAppNamespaces.ownerApp("app--1576377")).isEqualTo("1576377");
    assertThat(ForeignAppNamespaces.ownerApp("app--1576377--reviews")).isEqualTo("1576377");
  }

  @Test
  void otherNamespacesAreNobodys() {
    assertThat(ForeignAppNamespaces.ownerApp("custom")).isNull();
    assertThat(ForeignAppNamespaces.ownerApp("shopify--discovery")).isNull();
    assertThat(ForeignAppNamespaces.ownerApp("apps--1")).isNull();
    assertThat(ForeignAppNamespaces.ownerApp("app--")).isNull();
  }
}
