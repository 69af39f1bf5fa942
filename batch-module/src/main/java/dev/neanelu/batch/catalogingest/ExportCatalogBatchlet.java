package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Plans the run's first part: the given {@code jsonlUrl}, or a bulk export of the catalog (incremental: products
 * updated since the last successful sync). The part is stored before anything starts, and {@link
 * AwaitExportBatchlet} starts and awaits every export part, storing each operation id before it waits; so a
 * restarted job polls the operation it had started instead of starting another.
 */
@Named
@Dependent
public class ExportCatalogBatchlet extends AbstractBatchlet {

  @Inject IngestRun ingest;
  @Inject ExportParts parts;
  @Inject SafeDownloads downloads;

  @Override
  public String process() {
    SyncRun run = ingest.run();
    if (!parts.list(run).isEmpty()) {
      return "RESUMED";
    }
    if (run.sourceUrl() != null) {
      downloads.check(run, "Job parameter jsonlUrl", run.sourceUrl());
      parts.add(run, "file", null, null, null, "READY", run.sourceUrl());
      return "FILE";
    }
    parts.add(run, "export", run.full() ? null : run.updatedSince(), null, null, "PENDING", null);
    return "PLANNED";
  }
}
