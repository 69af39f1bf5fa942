package dev.neanelu.catalog;

import dev.neanelu.shared.InvalidValueException;

/**
 * A JSONL URL the catalog ingest must not download ({@link SourceUrlPolicy}): the caller's mistake, answered 400
 * before anything is fetched. The message names the field and why, never anything the URL would have served.
 */
public class UnsafeSourceUrlException extends InvalidValueException {

  private static final long serialVersionUID = 1L;

  public UnsafeSourceUrlException(String field, String problem) {
    super(field + ": " + problem);
  }
}
