package dev.neanelu.web.error;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises itself (no matching resource or method, unreadable body) and those resources
 * throw as {@link WebApplicationException}: the status is kept, the body becomes a problem.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return InternalErrors.report(e, Problems.path(uri));
    }
    ProblemType type = malformedBody(e) ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(status);
    return ProblemDetail.of(type, status, detail(type, e), Problems.path(uri)).toResponse();
  }

  private static boolean malformedBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
        return true;
      }
    }
    return false;
  }

  private String detail(ProblemType type, WebApplicationException e) {
    return switch (type) {
      case NOT_FOUND -> "No resource at " + Problems.path(uri);
      case MALFORMED_REQUEST -> "The request body is not valid JSON for this resource";
      default -> e.getMessage();
    };
  }
}
