package dev.neanelu.webhook;

import dev.neanelu.fairness.ErrorText;
import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.fairness.TenantScope;
import dev.neanelu.fairness.WorkHandler;
import dev.neanelu.fairness.WorkItem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a shop's stored deliveries as fair-dispatch work ({@code webhook}): one item drains the shop's waiting
 * inbox rows, oldest first, in batches of {@value #BATCH}, so deliveries share each shop's concurrency slots and the
 * dispatcher's leases, retries and dead letters with all other work without one queue entry each.
 *
 * <p>Exactly once: a batch's rows are locked, applied by their topics' {@link WebhookHandler}s and marked applied in
 * one transaction; a second attempt (a lease that expired while the first committed) finds them no longer waiting.
 * A row whose handler fails is rolled back to its savepoint and marked {@code failed} with the error, so one bad
 * delivery cannot hold up the shop's others; a deadlock or serialization failure instead fails the whole attempt,
 * which is retried. After {@value #ROUNDS} batches the item yields its slot: if rows still wait it queues the next
 * drain and ends, so a shop with a flood of deliveries takes turns like any other.
 */
@ApplicationScoped
public class WebhookWork implements WorkHandler {

  public static final String KIND = "webhook";

  static final int BATCH = 100;
  static final int ROUNDS = 20;

  @Inject WebhookInbox inbox;
  @Inject FairDispatch dispatch;
  @Inject Instance<WebhookHandler> handlers;

  /** The handlers by topic, looked up once rather than per delivery. */
  private final Map<WebhookTopic, WebhookHandler> byTopic = new EnumMap<>(WebhookTopic.class);

  @PostConstruct
  void mapHandlers() {
    for (WebhookHandler handler : handlers) {
      handler.topics().forEach(topic -> byTopic.putIfAbsent(topic, handler));
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void handle(WorkItem item, TenantScope tenant) {
    for (int round = 0; round < ROUNDS; round++) {
      if (tenant.call(c -> applyBatch(c, tenant)) == 0) {
        break;
      }
    }
    boolean queued =
        tenant.call(
            c -> inbox.waitingAfterLastLook(c, tenant.tenant())
                && dispatch.enqueueUnlessReadyWithin(c, tenant.tenant(), KIND, ""));
    if (queued) {
      dispatch.wake(tenant.tenant());
    }
  }

  /** Applies one batch in the caller's transaction; returns how many rows it settled. */
  private int applyBatch(Connection c, TenantScope tenant) throws SQLException {
    List<InboxDelivery> batch = inbox.lockWaiting(c, tenant.tenant(), BATCH);
    int settled = 0;
    for (InboxDelivery delivery : batch) {
      settled++;
      applyOne(c, delivery);
      if (delivery.topic() == WebhookTopic.SHOP_REDACT) {
        break; // the redaction deleted the batch's other rows with everything else of the shop
      }
    }
    return settled;
  }

  private void applyOne(Connection c, InboxDelivery delivery) throws SQLException {
    // SQL savepoints: JDBC's setSavepoint is refused on a connection enlisted in a JTA transaction.
    execute(c, "SAVEPOINT webhook_row");
    String status = "applied";
    String outcome;
    try {
      outcome = handlerFor(delivery.topic()).apply(c, delivery);
    } catch (UnusableDeliveryException e) {
      execute(c, "ROLLBACK TO SAVEPOINT webhook_row");
      status = "skipped";
      outcome = e.getMessage();
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("40")) {
        throw e;
      }
      execute(c, "ROLLBACK TO SAVEPOINT webhook_row");
      status = "failed";
      outcome = ErrorText.of(e);
    } catch (RuntimeException e) {
      execute(c, "ROLLBACK TO SAVEPOINT webhook_row");
      status = "failed";
      outcome = ErrorText.of(e);
    }
    execute(c, "RELEASE SAVEPOINT webhook_row");
    inbox.settle(c, delivery.id(), status, outcome);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private WebhookHandler handlerFor(WebhookTopic topic) {
    WebhookHandler handler = byTopic.get(topic);
    if (handler == null) {
      throw new IllegalStateException("No handler applies " + topic.header());
    }
    return handler;
  }
}
