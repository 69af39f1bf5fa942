package dev.neanelu.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The production {@link TokenEndpoint}: Shopify (or the simulator) at {@code SHOPIFY_BASE_URL_TEMPLATE}. */
@ApplicationScoped
public class TokenEndpointProducer {

  @Produces
  @Singleton
  TokenEndpoint tokenEndpoint(
      @ConfigProperty(name = "SHOPIFY_BASE_URL_TEMPLATE", defaultValue = "https://{shop}") String template,
      AppCredentials app) {
    return new ShopifyTokenEndpoint(template, app, Clock.systemUTC());
  }
}
