package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.catalog.SyncClaims;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The refusal a start gets while another run of the shop holds its claim: it names that run, when known. */
class SyncRunListenerTest {

  private static final ShopDomain SHOP = ShopDomain.parse("busy.myshopify.com");

  @Test
  void aRefusalNamesTheRunningJobInstanceAndExecution() {
    var holder = new SyncClaims.Holder(TenantId.newId(), 41, 97, 0);
    assertThat(SyncRunListener.refusal(SHOP, Optional.of(holder)))
        .isEqualTo("A catalog sync of busy.myshopify.com is already running: job instance 41, execution 97");
  }

  @Test
  void aRefusalWhoseHolderIsNotKnownYetSaysOnlyThatOneRuns() {
    var unknown = new SyncClaims.Holder(TenantId.newId(), -1, -1, 0);
    assertThat(SyncRunListener.refusal(SHOP, Optional.of(unknown)))
        .isEqualTo("A catalog sync of busy.myshopify.com is already running");
    assertThat(SyncRunListener.refusal(SHOP, Optional.empty()))
        .isEqualTo("A catalog sync of busy.myshopify.com is already running");
  }
}
