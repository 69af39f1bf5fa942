package dev.neanelu.batch.catalogingest;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Passes on a line the read-ahead validated ({@link LineValidator}), drops a blank one, and turns a rejected one
 * into the skippable {@link MalformedLineException}, which {@link IngestErrorListener} records with its line number.
 */
@Named
@Dependent
public class CatalogLineProcessor implements ItemProcessor {

  @Override
  public Object processItem(Object item) throws MalformedLineException {
    PreparedLine line = (PreparedLine) item;
    if (line.rejection() != null) {
      throw new MalformedLineException(line.rejected(), line.rejection());
    }
    return line.staged();
  }
}
