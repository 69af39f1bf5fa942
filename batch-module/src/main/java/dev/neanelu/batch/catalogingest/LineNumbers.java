package dev.neanelu.batch.catalogingest;

import jakarta.batch.api.partition.AbstractPartitionReducer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Ends the load step once all of its {@link LoadRange}s were read: a bad line recorded by a range that starts
 * inside its file carries its number within that range, and now that every range's line count is known it gets its
 * number in the file, the one an operator looks up.
 */
@Named
@Dependent
public class LineNumbers extends AbstractPartitionReducer {

  @Inject IngestRun ingest;
  @Inject ExportParts parts;

  @Override
  public void beforePartitionedStepCompletion() {
    parts.numberErrorLines(ingest.run());
  }
}
