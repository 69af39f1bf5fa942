package dev.neanelu.simulator.session;

/**
 * A session token failed verification; token exchange answers 400 {@code invalid_subject_token}.
 */
public final class InvalidSessionTokenException extends RuntimeException {

  public InvalidSessionTokenException(String reason) {
    super("invalid session token: " + reason);
  }
}
