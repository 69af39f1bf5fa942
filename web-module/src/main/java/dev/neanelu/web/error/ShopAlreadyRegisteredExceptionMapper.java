package dev.neanelu.web.error;

import dev.neanelu.tenant.ShopAlreadyRegisteredException;
import jakarta.ws.rs.ext.Provider;

/** Registering an installed shop again: 409. */
@Provider
public class ShopAlreadyRegisteredExceptionMapper extends ProblemMapper<ShopAlreadyRegisteredException> {

  public ShopAlreadyRegisteredExceptionMapper() {
    super(ProblemType.CONFLICT, 409);
  }
}
