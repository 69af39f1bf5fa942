package dev.neanelu.shopify;

/** 401 or 403: the token was refused, even after the client fetched a fresh one once. */
public class ShopifyAuthException extends ShopifyException {

  private static final long serialVersionUID = 1L;

  public ShopifyAuthException(String message) {
    super(message, null);
  }
}
