package dev.neanelu.batch.catalogingest;

import static dev.neanelu.batch.catalogingest.BulkExports.count;
import static dev.neanelu.batch.catalogingest.BulkExports.text;

import dev.neanelu.catalog.BulkOperationSignals;
import dev.neanelu.catalog.SyncRun;
import dev.neanelu.tenant.ShopDomain;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts and waits for every export part of the run, one at a time (the operation id is stored before any wait) (Shopify runs a few bulk operations per shop, and
 * other apps need theirs). Each operation is polled with backoff from half a second up to {@link #MAX_POLL}; a
 * {@code bulk_operations/finish} webhook received by this instance ends a wait early ({@link BulkOperationSignals}).
 *
 * <ul>
 *   <li>{@code COMPLETED}: the part is READY with its URL and counts.
 *   <li>{@code FAILED} with {@code TIMEOUT}: the part's {@code updated_at} window is split in two and each half is
 *       exported as a new part (a smaller export finishes in time).
 *   <li>{@code FAILED} with partial data: that data is kept as a PARTIAL part, and a remainder part exports the
 *       products from the last one it holds.
 *   <li>anything else ({@code CANCELED}, {@code EXPIRED}, a failure without data): the run fails with Shopify's code.
 * </ul>
 */
@Named
@Dependent
public class AwaitExportBatchlet extends StoppableBatchlet {

  private static final Logger LOG = Logger.getLogger(AwaitExportBatchlet.class.getName());
  private static final Duration MAX_POLL = Duration.ofSeconds(30);
  /** Shopify launched in 2006: no product was updated before, so a full export's window starts here. */
  private static final Instant CATALOG_EPOCH = Instant.parse("2006-01-01T00:00:00Z");
  /** A window this short that still times out will not be helped by splitting again. */
  private static final Duration SMALLEST_WINDOW = Duration.ofMinutes(1);

  @Inject IngestRun ingest;
  @Inject ExportParts parts;
  @Inject BulkExports exports;
  @Inject BulkOperationSignals signals;

  @Override
  public String process() throws InterruptedException {
    SyncRun run = ingest.run();
    ShopDomain shop = ingest.shop().domain();
    while (!stopping()) {
      Optional<ExportPart> open = parts.list(run).stream().filter(p -> !p.finished()).findFirst();
      if (open.isEmpty()) {
        return "READY";
      }
      ExportPart part = open.get();
      if (part.bulkOperationId() == null) {
        String operation = startOrFail(shop, run, part);
        if (operation == null) {
          return "STOPPED";
        }
        parts.exporting(run, part, operation);
        ingest.runs().recordBulkOperation(run.shopId(), run.runId(), operation);
        continue;
      }
      JsonObject operation = awaitEnd(shop, run, part);
      if (operation != null) {
        signals.forget(part.bulkOperationId());
        settle(run, part, operation);
      }
    }
    return "STOPPED";
  }

  private String startOrFail(ShopDomain shop, SyncRun run, ExportPart part) throws InterruptedException {
    try {
      return exports.start(shop, run, part, this::stopping);
    } catch (IllegalStateException e) {
      throw ingest.fail(run, e.getMessage());
    }
  }

  /** Polls until the operation ends; null when stopped first. */
  private JsonObject awaitEnd(ShopDomain shop, SyncRun run, ExportPart part) throws InterruptedException {
    Duration poll = Duration.ofMillis(500);
    while (!stopping()) {
      JsonObject operation = exports.poll(shop, part.bulkOperationId());
      if (operation == null) {
        throw ingest.fail(run, "Shopify no longer knows bulk operation " + part.bulkOperationId());
      }
      String status = operation.getString("status");
      if (!"CREATED".equals(status) && !"RUNNING".equals(status) && !"CANCELING".equals(status)) {
        return operation;
      }
      if (signals.awaitFinish(part.bulkOperationId(), poll)) {
        signals.forget(part.bulkOperationId()); // released once: poll now, then wait normally again
      }
      poll = Backoff.doubled(poll, MAX_POLL);
    }
    return null;
  }

  private void settle(SyncRun run, ExportPart part, JsonObject operation) {
    String status = operation.getString("status");
    String errorCode = text(operation, "errorCode");
    Long objects = count(operation, "objectCount");
    Long roots = count(operation, "rootObjectCount");
    ingest.runs().recordBulkStatus(run.shopId(), run.runId(), status);
    if ("COMPLETED".equals(status)) {
      parts.finished(run, part, "READY", text(operation, "url"), objects, roots);
    } else if ("FAILED".equals(status) && "TIMEOUT".equals(errorCode)) {
      split(run, part);
    } else if ("FAILED".equals(status) && text(operation, "partialDataUrl") != null) {
      String partial = text(operation, "partialDataUrl");
      Long last = PartialData.remainderFrom(URI.create(partial));
      LOG.warning(() -> "Bulk export " + part.bulkOperationId() + " failed (" + errorCode + ") after " + objects
          + " objects; keeping its partial data and exporting the rest from product " + last);
      parts.finished(run, part, "PARTIAL", partial, objects, roots);
      parts.add(run, "remainder", part.updatedAfter(), part.updatedBefore(), last == null ? part.idFrom() : last,
          "PENDING", null);
    } else {
      throw ingest.fail(run, "Bulk export " + part.bulkOperationId() + " ended " + status
          + (errorCode == null ? "" : " (" + errorCode + ")"));
    }
  }

  /** Two parts for the two halves of the part's window; a window with no end ends now (updates keep coming). */
  private void split(SyncRun run, ExportPart part) {
    Instant from = part.updatedAfter() == null ? CATALOG_EPOCH : part.updatedAfter();
    Instant to = part.updatedBefore() == null ? Instant.now() : part.updatedBefore();
    Duration width = Duration.between(from, to);
    if (width.compareTo(SMALLEST_WINDOW) < 0) {
      throw ingest.fail(run, "Bulk export " + part.bulkOperationId() + " timed out on a window of " + width
          + " (products updated after " + from + "); it cannot be split further");
    }
    Instant middle = from.plus(width.dividedBy(2));
    LOG.warning(() -> "Bulk export " + part.bulkOperationId() + " timed out; exporting products updated after "
        + from + " in two halves split at " + middle);
    parts.finished(run, part, "SPLIT", null, null, null);
    parts.add(run, "window", part.updatedAfter(), middle, part.idFrom(), "PENDING", null);
    parts.add(run, "window", middle, part.updatedBefore(), part.idFrom(), "PENDING", null);
  }
}
