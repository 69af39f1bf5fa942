package dev.neanelu.session;

/**
 * A session token failed verification. The message says which check failed, never the token or its claims'
 * secrets. Unchecked: callers map it to a 401 in one place.
 */
public class InvalidSessionTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidSessionTokenException(String reason) {
    super(reason);
  }
}
