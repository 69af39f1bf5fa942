package dev.neanelu.shopify;

import dev.neanelu.tenant.ShopDomain;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A transport on the JDK's HTTP client, for code that runs outside the application server (benchmarks, the
 * simulator-backed pacing tests). Inside Liberty the MicroProfile Rest Client transport is used; both map statuses
 * through {@link ShopifyStatus}.
 */
public final class JdkGraphqlTransport implements GraphqlTransport {

  private final AdminApiEndpoint endpoint;
  private final HttpClient client;
  private final Duration timeout;

  public JdkGraphqlTransport(AdminApiEndpoint endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String post(ShopDomain shop, String accessToken, String requestBody) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.graphql(shop))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-Shopify-Access-Token", accessToken)
            .POST(HttpRequest.BodyPublishers.ofString(requestBody))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ShopifyTransientException("I/O failure calling " + shop + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ShopifyTransientException("Interrupted calling " + shop, e);
    }
    String where = "GraphQL on " + shop;
    ShopifyStatus.exceptionFor(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), where)
        .ifPresent(
            e -> {
              throw e;
            });
    return response.body();
  }
}
