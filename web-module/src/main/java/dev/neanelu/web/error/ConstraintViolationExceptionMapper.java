package dev.neanelu.web.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** Bean Validation failures on resource parameters: 400 with every violated field and its message. */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(ConstraintViolationExceptionMapper::describe)
            .sorted()
            .collect(Collectors.joining("; "));
    return ProblemDetail.of(ProblemType.INVALID_REQUEST, 400, detail, Problems.path(uri)).toResponse();
  }

  /** The last path node is the field the caller sent ("shop"), not the Java method chain. */
  private static String describe(ConstraintViolation<?> violation) {
    String field = "";
    for (var node : violation.getPropertyPath()) {
      field = node.getName();
    }
    return field + ": " + violation.getMessage();
  }
}
