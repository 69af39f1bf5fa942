package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SourceUrlPolicy;
import dev.neanelu.catalog.SyncRun;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Checks a URL against {@link SourceUrlPolicy} right before the job connects to it: the {@code jsonlUrl} the job was
 * given (which the ops API checked already, but the batch REST API did not), and each file of the run before its
 * length probe and before each range's download, Shopify's result URLs included. A refused URL fails the run with
 * the reason, before anything is fetched.
 */
@Dependent
public class SafeDownloads {

  @Inject SourceUrlPolicy policy;
  @Inject IngestRun ingest;

  /** Fails the run unless {@code url} may be fetched; {@code what} names it in the failure. */
  void check(SyncRun run, String what, String url) {
    policy.problem(url).ifPresent(problem -> {
      throw ingest.fail(run, what + ": " + problem + "; nothing was fetched");
    });
  }
}
