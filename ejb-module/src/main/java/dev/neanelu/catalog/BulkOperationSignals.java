package dev.neanelu.catalog;

import dev.neanelu.webhook.WebhookReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Early wake-ups for the export await step: a {@code bulk_operations/finish} webhook releases whoever polls that
 * operation in this JVM, so a finished export is picked up at once instead of at the next poll. Webhook delivery is
 * not guaranteed, and another instance may receive it, so polling stays the rule and this only shortens the wait.
 */
@ApplicationScoped
public class BulkOperationSignals {

  private static final Logger LOG = Logger.getLogger(BulkOperationSignals.class.getName());
  private static final String TOPIC = "bulk_operations/finish";

  private final Map<String, CountDownLatch> finished = new ConcurrentHashMap<>();

  /**
   * Waits up to {@code timeout} for the operation's finish webhook.
   *
   * @return true if it arrived (now or earlier), false when the timeout passed
   */
  public boolean awaitFinish(String operationId, Duration timeout) throws InterruptedException {
    return latch(operationId).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The operation is no longer awaited: drop its latch. */
  public void forget(String operationId) {
    finished.remove(operationId);
  }

  void finished(String operationId) {
    latch(operationId).countDown();
  }

  void onWebhook(@Observes WebhookReceived webhook) {
    if (!TOPIC.equals(webhook.topic())) {
      return;
    }
    try {
      JsonObject payload = Json.createReader(new StringReader(webhook.body())).readObject();
      finished(payload.getString("admin_graphql_api_id"));
    } catch (JsonException | ClassCastException | NullPointerException e) {
      LOG.warning(() -> "Ignoring a bulk_operations/finish webhook without an operation id for " + webhook.domain());
    }
  }

  private CountDownLatch latch(String operationId) {
    return finished.computeIfAbsent(operationId, id -> new CountDownLatch(1));
  }
}
