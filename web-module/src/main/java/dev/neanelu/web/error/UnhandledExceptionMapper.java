package dev.neanelu.web.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything no other mapper claims: a bug or an outage. Logged once with a reference, answered 500. */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    return InternalErrors.report(e, Problems.path(uri));
  }
}
