package dev.neanelu.crypto;

/**
 * A secret could not be sealed or opened: a wrong or retired key, or a value that was tampered with or moved to
 * another row. Unchecked: it is a configuration or integrity failure, not a case callers handle.
 */
public class SecretCipherException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecretCipherException(String message, Throwable cause) {
    super(message, cause);
  }
}
