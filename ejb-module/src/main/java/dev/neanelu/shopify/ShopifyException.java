package dev.neanelu.shopify;

/**
 * Base of everything the Shopify boundary throws. Unchecked: the subclasses say what went wrong (auth, throttling,
 * an unavailable shop, a rejected query, a transient fault) and callers catch only those they can act on. Messages
 * name the shop and the document, never tokens.
 */
public abstract class ShopifyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected ShopifyException(String message, Throwable cause) {
    super(message, cause);
  }
}
