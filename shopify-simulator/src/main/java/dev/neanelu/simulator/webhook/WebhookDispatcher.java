package dev.neanelu.simulator.webhook;

import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.shop.WebhookSubscription;
import dev.neanelu.simulator.support.Hmacs;
import dev.neanelu.simulator.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers webhooks the way Shopify does: POST with the real header set ({@code X-Shopify-Topic},
 * {@code X-Shopify-Hmac-Sha256} = base64 HMAC-SHA256 of the raw body keyed with the client secret,
 * Shop-Domain, API-Version, Webhook-Id, Event-Id, Triggered-At), 1 s to connect and 5 s in total,
 * then up to 8 retries with the original payload and exponential backoff. Faults can duplicate
 * deliveries or hold them for a reordered release.
 */
public final class WebhookDispatcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  private final Clock clock;
  private final String apiVersion;
  private final Duration retryBase;
  private final Duration timeout;
  private final int maxRetries;
  private final HttpClient client;
  private final ScheduledExecutorService scheduler;
  private final Map<String, List<Delivery>> log = new ConcurrentHashMap<>();
  private final Map<String, List<Delivery>> held = new ConcurrentHashMap<>();

  public WebhookDispatcher(
      Clock clock, String apiVersion, Duration retryBase, Duration timeout, int maxRetries) {
    this.clock = clock;
    this.apiVersion = apiVersion;
    this.retryBase = retryBase;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "sim-webhooks");
              t.setDaemon(true);
              return t;
            });
  }

  /** Fires an event to every subscription of the topic ({@code PRODUCTS_UPDATE} form). */
  public void fire(Shop shop, String enumTopic, Object payload) {
    byte[] body = Json.bytes(payload);
    String eventId = UUID.randomUUID().toString();
    for (WebhookSubscription sub : shop.subscriptions()) {
      if (sub.topic().equals(enumTopic)) {
        enqueue(
            shop, WebhookSubscription.headerTopic(enumTopic), sub.uri(), sub.name(), body, eventId);
      }
    }
  }

  /**
   * Sends one event straight to an address (compliance topics go to the app's configured endpoint).
   */
  public void send(Shop shop, String headerTopic, String uri, Object payload) {
    enqueue(shop, headerTopic, uri, null, Json.bytes(payload), UUID.randomUUID().toString());
  }

  private void enqueue(
      Shop shop, String topic, String uri, String name, byte[] body, String eventId) {
    int copies = 1 + Math.max(0, shop.faults().webhookDuplicates());
    for (int i = 0; i < copies; i++) {
      // Duplicates share the event id and differ in webhook id, exactly as Shopify's at-least-once
      // delivery does.
      Delivery d =
          new Delivery(
              shop.domain(),
              UUID.randomUUID().toString(),
              eventId,
              topic,
              uri,
              name,
              body,
              clock.instant());
      log.computeIfAbsent(shop.domain(), k -> new CopyOnWriteArrayList<>()).add(d);
      if (shop.faults().webhookHold()) {
        d.status = Delivery.Status.HELD;
        held.computeIfAbsent(shop.domain(), k -> new CopyOnWriteArrayList<>()).add(d);
      } else {
        scheduler.execute(() -> attempt(shop, d));
      }
    }
  }

  /**
   * Releases held deliveries, newest first when {@code reverse} is set, one after the other so the
   * receiver sees exactly that order.
   *
   * @return how many were released
   */
  public int release(Shop shop, boolean reverse) {
    List<Delivery> batch = new ArrayList<>(held.getOrDefault(shop.domain(), List.of()));
    held.remove(shop.domain());
    if (reverse) {
      Collections.reverse(batch);
    }
    batch.forEach(d -> d.status = Delivery.Status.PENDING);
    scheduler.execute(() -> batch.forEach(d -> attempt(shop, d)));
    return batch.size();
  }

  public List<Delivery> deliveries(Shop shop) {
    return List.copyOf(log.getOrDefault(shop.domain(), List.of()));
  }

  private void attempt(Shop shop, Delivery d) {
    d.attempts++;
    shop.stats().webhookAttempts.incrementAndGet();
    try {
      HttpResponse<Void> response =
          client.send(request(shop, d), HttpResponse.BodyHandlers.discarding());
      d.lastStatusCode = response.statusCode();
      if (response.statusCode() / 100 == 2) {
        d.status = Delivery.Status.DELIVERED;
        shop.stats().webhooksDelivered.incrementAndGet();
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      d.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    retryOrFail(shop, d);
  }

  private void retryOrFail(Shop shop, Delivery d) {
    int retriesDone = d.attempts - 1;
    if (retriesDone >= maxRetries) {
      d.status = Delivery.Status.FAILED;
      shop.stats().webhooksFailed.incrementAndGet();
      LOG.log(
          Level.FINE,
          "webhook {0} to {1} failed after {2} attempts",
          new Object[] {d.topic, d.uri, d.attempts});
      return;
    }
    long delay = retryBase.toMillis() << retriesDone;
    scheduler.schedule(() -> attempt(shop, d), delay, TimeUnit.MILLISECONDS);
  }

  private HttpRequest request(Shop shop, Delivery d) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(d.uri))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Shopify-Captain-Hook")
            .header("X-Shopify-Topic", d.topic)
            .header("X-Shopify-Hmac-Sha256", Hmacs.base64(shop.app().clientSecret(), d.body))
            .header("X-Shopify-Shop-Domain", shop.domain())
            .header("X-Shopify-API-Version", apiVersion)
            .header("X-Shopify-Webhook-Id", d.webhookId)
            .header("X-Shopify-Event-Id", d.eventId)
            .header("X-Shopify-Triggered-At", d.triggeredAt.toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(d.body));
    if (d.name != null) {
      b.header("X-Shopify-Name", d.name);
    }
    return b.build();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
