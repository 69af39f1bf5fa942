package dev.neanelu.webhook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Webhook signatures (shopify-facts §9, computed vector, secret {@code hush}): the vector verifies; one changed body
 * byte, a wrong, missing or non-base64 header → rejected.
 */
class WebhookSignatureTest {

  private static final String BODY =
      "{\"admin_graphql_api_id\":\"gid://shopify/BulkOperation/720918\",\"completed_at\":\"2024-08-29T17:23:25Z\","
          + "\"created_at\":\"2024-08-29T17:16:35Z\",\"error_code\":null,\"status\":\"completed\",\"type\":\"query\"}";
  private static final String HMAC = "pdvJEIj3hOusHmR8Y4EMdxG1I2qHSwmSCtccgr9AdtM=";

  @Test
  void vectorVerifies() throws Exception {
    WebhookReceiver.verify(delivery(BODY, HMAC), "hush");
  }

  @Test
  void anythingElseIsRejected() {
    assertThatThrownBy(() -> WebhookReceiver.verify(delivery(BODY.replace("720918", "720919"), HMAC), "hush"))
        .isInstanceOf(InvalidWebhookException.class);
    assertThatThrownBy(() -> WebhookReceiver.verify(delivery(BODY, HMAC), "hush2"))
        .isInstanceOf(InvalidWebhookException.class);
    assertThatThrownBy(() -> WebhookReceiver.verify(delivery(BODY, null), "hush"))
        .isInstanceOf(InvalidWebhookException.class);
    assertThatThrownBy(() -> WebhookReceiver.verify(delivery(BODY, "not base64!"), "hush"))
        .isInstanceOf(InvalidWebhookException.class);
  }

  private static WebhookDelivery delivery(String body, String hmac) {
    return new WebhookDelivery(
        "bulk_operations/finish", "a.myshopify.com", "e1", null, hmac, body.getBytes(StandardCharsets.UTF_8));
  }
}
