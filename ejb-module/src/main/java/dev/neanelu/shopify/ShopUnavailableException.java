package dev.neanelu.shopify;

/**
 * 402 (payment required: the shop's plan lapsed) or 423 (locked): the shop cannot be served now, whatever we do.
 * Work for it should stop until an operator or the merchant acts.
 */
public class ShopUnavailableException extends ShopifyException {

  private static final long serialVersionUID = 1L;

  public ShopUnavailableException(String message) {
    super(message, null);
  }
}
