package dev.neanelu.shared;

/**
 * A value object refused its input: a shop domain that is not {@code *.myshopify.com}, an unknown plan. The message
 * is written for the caller (HTTP answers it as 400) and never contains secrets.
 */
public class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
