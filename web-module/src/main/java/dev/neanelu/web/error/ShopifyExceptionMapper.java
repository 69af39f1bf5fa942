package dev.neanelu.web.error;

import dev.neanelu.shopify.ShopCircuitOpenException;
import dev.neanelu.shopify.ShopUnavailableException;
import dev.neanelu.shopify.ShopifyException;
import dev.neanelu.shopify.ShopifyThrottledException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.time.Instant;

/**
 * Failures at the Shopify boundary, as the gateway we are: 503 when the shop cannot be served now (circuit open,
 * budget exhausted, shop locked or unpaid; with {@code Retry-After} where known), 502 when Shopify failed or refused.
 * The messages name the shop and document, never a token.
 */
@Provider
public class ShopifyExceptionMapper implements ExceptionMapper<ShopifyException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ShopifyException e) {
    boolean unavailable =
        e instanceof ShopCircuitOpenException
            || e instanceof ShopifyThrottledException
            || e instanceof ShopUnavailableException;
    ProblemDetail problem =
        unavailable
            ? ProblemDetail.of(ProblemType.SHOPIFY_UNAVAILABLE, 503, e.getMessage(), Problems.path(uri))
            : ProblemDetail.of(ProblemType.SHOPIFY_FAILED, 502, e.getMessage(), Problems.path(uri));
    Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
    if (e instanceof ShopCircuitOpenException open) {
      long seconds = Math.max(1, Duration.between(Instant.now(), open.retryAt()).toSeconds());
      response.header("Retry-After", seconds);
    }
    return response.build();
  }
}
