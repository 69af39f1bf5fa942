package dev.neanelu.webhook;

import dev.neanelu.install.Hmacs;
import dev.neanelu.install.InstallService;
import dev.neanelu.shared.InvalidValueException;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.token.AppCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Verifies and dispatches webhook deliveries: the {@code X-Shopify-Hmac-Sha256} header must be the base64
 * HMAC-SHA256 of the raw body keyed with the client secret (constant-time compare). {@code app/uninstalled} is
 * handled at once; other topics of installed shops are published as {@link WebhookReceived}; deliveries for shops
 * we do not (or no longer) serve are acknowledged and dropped, so Shopify stops retrying them.
 */
@ApplicationScoped
public class WebhookReceiver {

  static final String APP_UNINSTALLED = "app/uninstalled";

  @Inject AppCredentials app;
  @Inject InstallService installs;
  @Inject ShopRegistry shops;
  @Inject Event<WebhookReceived> received;

  /** @throws InvalidWebhookException when the signature or the shop domain is wrong */
  public void receive(WebhookDelivery delivery) throws InvalidWebhookException {
    verify(delivery, app.clientSecret());
    ShopDomain shop = shopOf(delivery);
    if (APP_UNINSTALLED.equals(delivery.topic())) {
      installs.uninstall(shop, delivery.triggeredAt());
      return;
    }
    Optional<Shop> registered = shops.find(shop).filter(Shop::installed);
    registered.ifPresent(
        s ->
            received.fire(
                new WebhookReceived(
                    s.id(),
                    shop,
                    delivery.topic(),
                    delivery.eventId(),
                    delivery.triggeredAt(),
                    new String(delivery.body(), StandardCharsets.UTF_8))));
  }

  static void verify(WebhookDelivery delivery, String secret) throws InvalidWebhookException {
    byte[] given;
    try {
      given = delivery.hmacBase64() == null ? null : Base64.getDecoder().decode(delivery.hmacBase64().strip());
    } catch (IllegalArgumentException e) {
      given = null;
    }
    byte[] expected = Hmacs.sha256(secret, delivery.body());
    if (!Hmacs.equal(expected, given)) {
      throw new InvalidWebhookException("webhook signature is missing or does not verify");
    }
  }

  private static ShopDomain shopOf(WebhookDelivery delivery) throws InvalidWebhookException {
    try {
      return ShopDomain.parse(delivery.shopDomain());
    } catch (InvalidValueException e) {
      throw new InvalidWebhookException("X-Shopify-Shop-Domain is not a valid shop domain");
    }
  }
}
