package dev.neanelu.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the application's one {@link SecretCipher} from {@code ENCRYPTION_KEY_256} and {@code ENCRYPTION_KEYS_PREVIOUS}. */
@ApplicationScoped
public class SecretCipherProducer {

  // @Singleton, not @ApplicationScoped: SecretCipher is final (no client proxy) and immutable.
  @Produces
  @Singleton
  SecretCipher secretCipher(
      @ConfigProperty(name = "ENCRYPTION_KEY_256") String current,
      @ConfigProperty(name = "ENCRYPTION_KEYS_PREVIOUS", defaultValue = " ") String previous) {
    return new SecretCipher(KeyRing.of(current, previous));
  }
}
