package dev.neanelu.webhook;

/**
 * A delivery that did not come from Shopify for this app (missing or wrong signature) or names no valid shop.
 * Checked: answered 401 as Shopify requires, nothing processed.
 */
public class InvalidWebhookException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidWebhookException(String reason) {
    super(reason);
  }
}
