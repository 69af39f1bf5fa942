package dev.neanelu.shopify;

import dev.neanelu.tenant.ShopDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** The production transport: one MicroProfile Rest Client per shop, built on first use and kept. */
@ApplicationScoped
public class RestClientGraphqlTransport implements GraphqlTransport {

  private final Map<String, ShopifyAdminApi> clients = new ConcurrentHashMap<>();
  private AdminApiEndpoint endpoint;

  @Inject
  void configure(
      @ConfigProperty(name = "SHOPIFY_BASE_URL_TEMPLATE", defaultValue = "https://{shop}") String template,
      @ConfigProperty(name = "SHOPIFY_API_VERSION", defaultValue = "2026-04") String version) {
    this.endpoint = new AdminApiEndpoint(template, version);
  }

  /** Bounded: a hung connection must not hold a worker; the client's own read timeout fires first. */
  @Override
  @Timeout(value = 90, unit = ChronoUnit.SECONDS)
  public String post(ShopDomain shop, String accessToken, String requestBody) {
    try {
      return client(shop).graphql(endpoint.apiVersion(), accessToken, requestBody);
    } catch (ProcessingException e) {
      throw new ShopifyTransientException(
          "I/O failure calling " + shop + ": " + e.getCause().getClass().getSimpleName(), e);
    }
  }

  private ShopifyAdminApi client(ShopDomain shop) {
    return clients.computeIfAbsent(
        shop.value(),
        s ->
            RestClientBuilder.newBuilder()
                .baseUri(endpoint.base(shop))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .build(ShopifyAdminApi.class));
  }
}
