package dev.neanelu.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The app's {@link AppCredentials} from MicroProfile Config. */
@ApplicationScoped
public class AppCredentialsProducer {

  // @Singleton: a record is final (no client proxy) and immutable.
  @Produces
  @Singleton
  AppCredentials appCredentials(
      @ConfigProperty(name = "SHOPIFY_API_KEY", defaultValue = "") String clientId,
      @ConfigProperty(name = "SHOPIFY_API_SECRET", defaultValue = "") String clientSecret) {
    return new AppCredentials(clientId, clientSecret);
  }
}
