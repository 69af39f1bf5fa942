package dev.neanelu.web.error;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that JSON-B cannot bind: the caller's mistake, answered 400 without echoing the parser's text. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(JsonbException e) {
    return ProblemDetail.of(
            ProblemType.MALFORMED_REQUEST,
            400,
            "The request body is not valid JSON for this resource",
            Problems.path(uri))
        .toResponse();
  }
}
