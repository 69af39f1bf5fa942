package dev.neanelu.batch.catalogingest;

import jakarta.batch.api.AbstractBatchlet;

/**
 * A batchlet that waits (for Shopify's bulk slots, for an export to finish) and must end its wait when the job is
 * stopped through the job operator or the batch REST API.
 */
abstract class StoppableBatchlet extends AbstractBatchlet {

  private volatile boolean stopping;

  @Override
  public void stop() {
    stopping = true;
  }

  boolean stopping() {
    return stopping;
  }
}
