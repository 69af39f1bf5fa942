package dev.neanelu.web.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Base of the mappers for exceptions that are the caller's business: one problem type and status per exception
 * family, with a detail the exception words for callers.
 *
 * @param <E> the exception family
 */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

  @Context UriInfo uri;

  private final ProblemType type;
  private final int status;

  ProblemMapper(ProblemType type, int status) {
    this.type = type;
    this.status = status;
  }

  @Override
  public Response toResponse(E e) {
    return ProblemDetail.of(type, status, detail(e), Problems.path(uri)).toResponse();
  }

  /** The caller-facing explanation; by default the exception's message. */
  String detail(E e) {
    return e.getMessage();
  }
}
