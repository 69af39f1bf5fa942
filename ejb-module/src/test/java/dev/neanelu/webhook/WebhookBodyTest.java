package dev.neanelu.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neanelu.tenant.ShopDomain;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What a signed body must be before it is stored: a JSON object of its topic's shape that names the header's shop
 * where the topic's payload names one. Text signed with the same secret for other protocols (a session token's
 * signing input, an OAuth query string) and bodies of one topic or shop re-aimed at another are refused.
 */
class WebhookBodyTest {

  private static final ShopDomain VICTIM = ShopDomain.parse("victim.myshopify.com");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app/uninstalled|eyJhbGciOiJIUzI1NiJ9.eyJkZXN0IjoiaHR0cHM6Ly9hLm15c2hvcGlmeS5jb20ifQ",
        "app/uninstalled|code=abc&shop=attacker.myshopify.com&timestamp=1337178173",
        "app/uninstalled|[{\"myshopify_domain\":\"victim.myshopify.com\"}]",
        "app/uninstalled|{\"id\":1,\"myshopify_domain\":\"attacker.myshopify.com\"}",
        "app/uninstalled|{\"id\":1}",
        "shop/redact|{\"shop_id\":1,\"shop_domain\":\"attacker.myshopify.com\"}",
        "shop/redact|{\"shop_id\":1,\"shop_domain\":\"victim.myshopify.com\",\"customer\":{\"id\":2}}",
        "customers/redact|{\"shop_id\":1,\"shop_domain\":\"victim.myshopify.com\"}",
        "products/update|{\"id\":1}",
        "products/delete|{\"id\":1,\"myshopify_domain\":\"victim.myshopify.com\"}",
        "products/update|{\"id\":1,\"admin_graphql_api_id\":null,\"updated_at\":\"x\"}"
      })
  void forgeriesAndReAimedBodiesAreRefused(String topic, String body) {
    assertThatThrownBy(() -> check(topic, body)).isInstanceOf(InvalidWebhookException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app/uninstalled|{\"id\":1,\"domain\":\"shop.example\",\"myshopify_domain\":\"victim.myshopify.com\"}",
        "shop/redact|{\"shop_id\":1,\"shop_domain\":\"victim.myshopify.com\"}",
        "customers/redact|{\"shop_id\":1,\"shop_domain\":\"victim.myshopify.com\",\"customer\":{\"id\":2},"
            + "\"orders_to_redact\":[]}",
        "products/delete|{\"id\":1}",
        "products/update|{\"id\":1,\"admin_graphql_api_id\":\"gid://shopify/Product/1\",\"updated_at\":\"x\"}"
      })
  void genuineBodiesPass(String topic, String body) throws Exception {
    assertThat(check(topic, body)).isNotNull();
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    assertThatThrownBy(
            () -> WebhookReceiver.checkedBody(delivery("products/delete", body), Optional.empty(), VICTIM))
        .isInstanceOf(InvalidWebhookException.class);
  }

  private static Object check(String topic, String body) throws InvalidWebhookException {
    return WebhookReceiver.checkedBody(
        delivery(topic, body.getBytes(StandardCharsets.UTF_8)), WebhookTopic.fromHeader(topic), VICTIM);
  }

  private static WebhookDelivery delivery(String topic, byte[] body) {
    return new WebhookDelivery(topic, VICTIM.value(), "w1", "e1", null, "2026-04", "x", body);
  }
}
