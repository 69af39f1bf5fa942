package dev.neanelu.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Applies the deliveries of some topics. Features contribute implementations as CDI beans; {@link WebhookWork} picks
 * the one whose {@link #topics()} contain the delivery's topic.
 *
 * <p>{@link #apply} runs inside the transaction that also marks the inbox row applied, on a connection of the
 * delivery's shop: its effects commit exactly once with that mark, or not at all (and the attempt is retried). It
 * must still be safe against the order of deliveries (Shopify does not keep it): compare timestamps, never assume
 * the previous event was applied.
 */
public interface WebhookHandler {

  Set<WebhookTopic> topics();

  /**
   * @return what applying did, for the inbox row's outcome and the ops API (never a secret)
   */
  String apply(Connection connection, InboxDelivery delivery) throws SQLException;
}
