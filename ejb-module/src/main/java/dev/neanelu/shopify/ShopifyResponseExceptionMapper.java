package dev.neanelu.shopify;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Non-2xx Admin API answers as the exceptions of {@link ShopifyStatus}; nothing upstream looks at status codes. */
public class ShopifyResponseExceptionMapper implements ResponseExceptionMapper<ShopifyException> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status < 200 || status >= 300;
  }

  @Override
  public ShopifyException toThrowable(Response response) {
    return ShopifyStatus.exceptionFor(
            response.getStatus(), response.getHeaderString("Retry-After"), "GraphQL call")
        .orElseThrow();
  }
}
