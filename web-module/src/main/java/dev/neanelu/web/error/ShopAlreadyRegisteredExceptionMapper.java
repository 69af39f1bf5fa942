package dev.neanelu.web.error;

import dev.neanelu.tenant.ShopAlreadyRegisteredException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Registering an installed shop again: 409. */
@Provider
public class ShopAlreadyRegisteredExceptionMapper implements ExceptionMapper<ShopAlreadyRegisteredException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ShopAlreadyRegisteredException e) {
    return ProblemDetail.of(ProblemType.CONFLICT, 409, e.getMessage(), Problems.path(uri)).toResponse();
  }
}
