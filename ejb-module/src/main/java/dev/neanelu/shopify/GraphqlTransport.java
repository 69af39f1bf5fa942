package dev.neanelu.shopify;

import dev.neanelu.tenant.ShopDomain;

/**
 * Sends one GraphQL request to a shop's Admin API and returns the body of a 2xx answer. Any other status is thrown
 * as the exception {@link ShopifyStatus} assigns it; I/O failures as {@link ShopifyTransientException}.
 */
public interface GraphqlTransport {

  String post(ShopDomain shop, String accessToken, String requestBody);
}
