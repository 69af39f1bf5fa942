package dev.neanelu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantId;
import dev.neanelu.webhook.WebhookReceived;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Early wake-up of the export wait. Scenarios: a finish webhook that arrived before the wait releases it at once;
 * other topics and other operations do not; a malformed payload is ignored.
 */
class BulkOperationSignalsTest {

  private final BulkOperationSignals signals = new BulkOperationSignals();

  @Test
  void aFinishWebhookReleasesTheWaitForItsOperation() throws InterruptedException {
    signals.onWebhook(webhook("bulk_operations/finish", "{\"admin_graphql_api_id\":\"gid://shopify/BulkOperation/1\"}"));
    assertThat(signals.awaitFinish("gid://shopify/BulkOperation/1", Duration.ZERO)).isTrue();
  }

  @Test
  void otherTopicsOperationsAndMalformedPayloadsDoNot() throws InterruptedException {
    signals.onWebhook(webhook("products/update", "{\"admin_graphql_api_id\":\"gid://shopify/BulkOperation/2\"}"));
    signals.onWebhook(webhook("bulk_operations/finish", "{\"admin_graphql_api_id\":\"gid://shopify/BulkOperation/3\"}"));
    signals.onWebhook(webhook("bulk_operations/finish", "not json"));
    assertThat(signals.awaitFinish("gid://shopify/BulkOperation/2", Duration.ZERO)).isFalse();
  }

  private static WebhookReceived webhook(String topic, String body) {
    return new WebhookReceived(
        TenantId.newId(), ShopDomain.parse("s.myshopify.com"), topic, "event-1", Instant.now(), body);
  }
}
