package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Plans the run's first part and starts its export. With a {@code jsonlUrl} the part is that file and nothing is
 * exported. The part and then its operation id are stored before anything waits, so a restarted job polls the same
 * operation instead of starting another; {@link AwaitExportBatchlet} takes it from there.
 */
@Named
@Dependent
public class ExportCatalogBatchlet extends StoppableBatchlet {

  @Inject IngestRun ingest;
  @Inject ExportParts parts;
  @Inject BulkExports exports;

  @Override
  public String process() throws InterruptedException {
    SyncRun run = ingest.run();
    if (parts.list(run).isEmpty()) {
      if (run.sourceUrl() != null) {
        parts.add(run, "file", null, null, null, "READY", run.sourceUrl());
        return "SKIPPED";
      }
      // Incremental: products updated since the last successful sync. Full: the whole catalog.
      parts.add(run, "export", run.full() ? null : run.updatedSince(), null, null, "PENDING", null);
    }
    ExportPart first = parts.list(run).get(0);
    if (!"PENDING".equals(first.status())) {
      return "RESUMED";
    }
    String operation;
    try {
      operation = exports.start(ingest.shop().domain(), run, first, this::stopping);
    } catch (IllegalStateException e) {
      throw ingest.fail(run, e.getMessage());
    }
    if (operation == null) {
      return "STOPPED";
    }
    parts.exporting(run, first, operation);
    ingest.runs().recordBulkOperation(run.shopId(), run.runId(), operation);
    return "EXPORTING";
  }
}
