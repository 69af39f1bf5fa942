package dev.neanelu.web.error;

import dev.neanelu.shared.InvalidValueException;
import jakarta.ws.rs.ext.Provider;

/**
 * A value object refused its input (a shop domain, a plan in a path): the caller's mistake, 400. Value objects
 * word their messages for callers and never include secrets.
 */
@Provider
public class InvalidValueExceptionMapper extends ProblemMapper<InvalidValueException> {

  public InvalidValueExceptionMapper() {
    super(ProblemType.INVALID_REQUEST, 400);
  }
}
