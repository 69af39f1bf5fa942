package dev.neanelu.session;

import dev.neanelu.token.AppCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The application's {@link SessionTokenVerifier}, keyed with {@code SHOPIFY_API_SECRET}. */
@ApplicationScoped
public class SessionTokenVerifierProducer {

  @Produces
  @Singleton
  SessionTokenVerifier sessionTokenVerifier(AppCredentials app) {
    return new SessionTokenVerifier(app, Clock.systemUTC());
  }
}
