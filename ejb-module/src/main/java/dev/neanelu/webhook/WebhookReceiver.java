package dev.neanelu.webhook;

import dev.neanelu.shared.InvalidValueException;
import dev.neanelu.tenant.Shop;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request-thread half of webhook handling: verify, check, store, acknowledge. A delivery is accepted only when
 * its body is signed by the app's secret, is a JSON object of its topic's shape, and names the header's shop where
 * the topic's payload names one ({@link WebhookTopic}); then it is stored once in the {@link WebhookInbox} together
 * with the work item that applies it ({@link WebhookWork}), and nothing else happens before the 200.
 *
 * <p>Accepted and not stored: deliveries for shops we do not serve (unknown, or uninstalled for catalog topics), so
 * Shopify stops retrying them; {@code bulk_operations/finish}, which is only a hint that wakes an export poller in
 * this JVM. Stored and not applied: catalog deliveries triggered longer ago than {@code WEBHOOK_STALE_HOURS}
 * (default 24) — the reconciliation sweep reads the catalog itself.
 */
@ApplicationScoped
public class WebhookReceiver {

  private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());

  /** What became of an accepted delivery. */
  public enum Accepted {
    STORED,
    DUPLICATE,
    STALE,
    IGNORED
  }

  @Inject WebhookSecrets secrets;
  @Inject ShopRegistry shops;
  @Inject WebhookInbox inbox;
  @Inject Event<WebhookReceived> hints;

  @Inject
  @ConfigProperty(name = "WEBHOOK_STALE_HOURS", defaultValue = "24")
  long staleHours;

  Clock clock = Clock.systemUTC();

  /** @throws InvalidWebhookException when the delivery is not a genuine one for the shop it names */
  public Accepted receive(WebhookDelivery delivery) throws InvalidWebhookException {
    if (!secrets.verifies(delivery.body(), delivery.hmacBase64())) {
      throw new InvalidWebhookException("webhook signature is missing or does not verify");
    }
    ShopDomain domain = shopOf(delivery);
    Optional<WebhookTopic> known = WebhookTopic.fromHeader(delivery.topic());
    String text = text(delivery.body());
    JsonObject body = checkedBody(text, known, domain);
    if (known.isEmpty()) {
      LOG.fine(() -> "Ignoring a delivery of unhandled topic " + delivery.topic() + " for " + domain);
      return Accepted.IGNORED;
    }
    WebhookTopic topic = known.get();
    Optional<Shop> shop = shops.find(domain).filter(s -> serves(s, topic));
    if (shop.isEmpty()) {
      return Accepted.IGNORED;
    }
    if (topic == WebhookTopic.BULK_OPERATIONS_FINISH) {
      hints.fire(new WebhookReceived(shop.get().id(), domain, topic.header(), eventId(delivery), delivery.triggeredAt(),
          body.toString()));
      return Accepted.IGNORED;
    }
    return inbox.store(shop.get().id(), topic, delivery, eventId(delivery), text, stale(delivery, topic));
  }

  /** Catalog topics only while installed; the uninstall and the compliance topics also after (shop/redact is 48 h). */
  private static boolean serves(Shop shop, WebhookTopic topic) {
    return shop.installed() || topic.compliance() || topic == WebhookTopic.APP_UNINSTALLED;
  }

  private boolean stale(WebhookDelivery delivery, WebhookTopic topic) {
    if (topic.compliance() || topic == WebhookTopic.APP_UNINSTALLED || delivery.triggeredAt() == null) {
      return false;
    }
    return delivery.triggeredAt().isBefore(clock.instant().minus(Duration.ofHours(staleHours)));
  }

  /** Shopify's event id; the delivery id, then the signature, when a sender leaves it out. */
  private static String eventId(WebhookDelivery delivery) {
    if (delivery.eventId() != null && !delivery.eventId().isBlank()) {
      return delivery.eventId().strip();
    }
    if (delivery.webhookId() != null && !delivery.webhookId().isBlank()) {
      return "webhook:" + delivery.webhookId().strip();
    }
    return "hmac:" + delivery.hmacBase64().strip();
  }

  static JsonObject checkedBody(WebhookDelivery delivery, Optional<WebhookTopic> topic, ShopDomain domain)
      throws InvalidWebhookException {
    return checkedBody(text(delivery.body()), topic, domain);
  }

  private static JsonObject checkedBody(String text, Optional<WebhookTopic> topic, ShopDomain domain)
      throws InvalidWebhookException {
    JsonObject body = jsonObject(text);
    if (topic.isEmpty()) {
      return body;
    }
    for (String key : topic.get().required()) {
      if (!body.containsKey(key) || body.isNull(key)) {
        throw new InvalidWebhookException("the body is not a " + topic.get().header() + " payload");
      }
    }
    for (String key : topic.get().forbidden()) {
      if (body.containsKey(key)) {
        throw new InvalidWebhookException("the body is not a " + topic.get().header() + " payload");
      }
    }
    Optional<String> shopKey = topic.get().shopKey();
    if (shopKey.isPresent() && !domain.value().equals(stringOf(body.get(shopKey.get())))) {
      throw new InvalidWebhookException("the body names another shop than X-Shopify-Shop-Domain");
    }
    return body;
  }

  private static JsonObject jsonObject(String body) throws InvalidWebhookException {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidWebhookException("the body is not a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidWebhookException("the body is not a JSON object");
    }
  }

  /** The body as text; bytes that are not UTF-8 are refused rather than replaced (the signature covers them). */
  private static String text(byte[] body) throws InvalidWebhookException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidWebhookException("the body is not UTF-8 JSON");
    }
  }

  private static String stringOf(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static ShopDomain shopOf(WebhookDelivery delivery) throws InvalidWebhookException {
    try {
      return ShopDomain.parse(delivery.shopDomain());
    } catch (InvalidValueException e) {
      throw new InvalidWebhookException("X-Shopify-Shop-Domain is not a valid shop domain");
    }
  }
}
