package dev.neanelu.web.error;

import dev.neanelu.catalog.SyncAlreadyRunningException;
import jakarta.ws.rs.ext.Provider;

/** A sync asked for while one of the shop runs or is queued: 409 naming it. */
@Provider
public class SyncAlreadyRunningExceptionMapper extends ProblemMapper<SyncAlreadyRunningException> {

  public SyncAlreadyRunningExceptionMapper() {
    super(ProblemType.CONFLICT, 409);
  }
}
