package dev.neanelu.webhook;

import dev.neanelu.fairness.TenantScope;
import dev.neanelu.fairness.WorkHandler;
import dev.neanelu.fairness.WorkItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Applies one stored delivery as fair-dispatch work ({@code webhook}; payload: the inbox row's id), so deliveries
 * share each shop's concurrency slots and the dispatcher's leases, retries and dead letters with all other work.
 *
 * <p>Exactly once: the row is locked, applied by its topic's {@link WebhookHandler} and marked applied in one
 * transaction; a second attempt (a lease that expired while the first one committed) finds the row no longer waiting
 * and does nothing. The last failed attempt marks the row {@code failed} beside the dead letter.
 */
@ApplicationScoped
public class WebhookWork implements WorkHandler {

  public static final String KIND = "webhook";

  @Inject WebhookInbox inbox;
  @Inject Instance<WebhookHandler> handlers;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void handle(WorkItem item, TenantScope tenant) throws Exception {
    long id = Long.parseLong(item.payload());
    try {
      tenant.run(
          c -> {
            Optional<InboxDelivery> delivery = inbox.lockReceived(c, tenant.tenant(), id);
            if (delivery.isPresent()) {
              applyOrSkip(c, delivery.get());
            }
            return null;
          });
    } catch (RuntimeException e) {
      if (item.isLastAttempt()) {
        inbox.fail(tenant.tenant(), id, "failed " + item.attempt() + " attempts; see the dead letter of work item "
            + item.id());
      }
      throw e;
    }
  }

  private void applyOrSkip(Connection c, InboxDelivery delivery) throws SQLException {
    String status = "applied";
    String outcome;
    try {
      outcome = handlerFor(delivery.topic()).apply(c, delivery);
    } catch (UnusableDeliveryException e) {
      status = "skipped";
      outcome = e.getMessage();
    }
    inbox.settle(c, delivery.id(), status, outcome);
  }

  private WebhookHandler handlerFor(WebhookTopic topic) {
    return handlers.stream()
        .filter(h -> h.topics().contains(topic))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No handler applies " + topic.header()));
  }
}
