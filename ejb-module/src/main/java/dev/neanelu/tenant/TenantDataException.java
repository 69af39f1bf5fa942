package dev.neanelu.tenant;

/**
 * A database failure inside a tenant's unit of work. Unchecked so that the surrounding transaction rolls back; the
 * message names the tenant, never any data.
 */
public class TenantDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TenantDataException(TenantId tenant, Throwable cause) {
    super("Database work for tenant " + tenant + " failed: " + cause.getMessage(), cause);
  }
}
