package dev.neanelu.shopify;

import java.util.List;

/**
 * Shopify answered with GraphQL {@code errors} other than THROTTLED (validation, ACCESS_DENIED, MAX_COST_EXCEEDED,
 * ...), or the client refused the document before sending it. Retrying the same call will not help.
 */
public class ShopifyQueryException extends ShopifyException {

  private static final long serialVersionUID = 1L;

  private final List<String> codes;

  public ShopifyQueryException(String message, List<String> codes) {
    super(message, null);
    this.codes = List.copyOf(codes);
  }

  /** The {@code extensions.code} of each error, where Shopify gave one. */
  public List<String> codes() {
    return codes;
  }
}
