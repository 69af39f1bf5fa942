package dev.neanelu.web.error;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An RFC 9457 problem details body. {@code code} is the extension member carrying the catalogue number of
 * {@link ProblemType}; {@code detail} is written for the caller and never contains secrets or stack traces.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code"})
public record ProblemDetail(URI type, String title, int status, String detail, String instance, String code) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static ProblemDetail of(ProblemType type, int status, String detail, String instance) {
    return new ProblemDetail(type.uri(), type.title(), status, detail, instance, type.code());
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
