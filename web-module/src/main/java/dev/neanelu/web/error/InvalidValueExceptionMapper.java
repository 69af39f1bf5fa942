package dev.neanelu.web.error;

import dev.neanelu.shared.InvalidValueException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A value object refused its input (a shop domain, a plan in a path): the caller's mistake, 400. Value objects
 * word their messages for callers and never include secrets.
 */
@Provider
public class InvalidValueExceptionMapper implements ExceptionMapper<InvalidValueException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(InvalidValueException e) {
    return ProblemDetail.of(ProblemType.INVALID_REQUEST, 400, e.getMessage(), Problems.path(uri)).toResponse();
  }
}
