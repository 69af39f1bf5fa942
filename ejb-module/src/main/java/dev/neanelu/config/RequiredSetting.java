package dev.neanelu.config;

import java.util.Base64;
import java.util.Optional;

/** A secret the application cannot run without in production, with what a valid value looks like. */
enum RequiredSetting {
  SHOPIFY_API_KEY("the app's client id from the Shopify Partner dashboard"),
  SHOPIFY_API_SECRET("the app's client secret; signs OAuth, webhooks and session tokens"),
  ENCRYPTION_KEY_256("base64 of 32 random bytes; encrypts tokens at rest") {
    @Override
    Optional<String> problem(String value) {
      try {
        return Base64.getDecoder().decode(value.strip()).length == 32
            ? Optional.empty()
            : Optional.of("must decode to exactly 32 bytes");
      } catch (IllegalArgumentException e) {
        return Optional.of("is not valid base64");
      }
    }
  },
  POSTGRES_PASSWORD("password of the schema-owner role the migrator connects as"),
  POSTGRES_APP_PASSWORD("password of the application role"),
  ADMIN_PASSWORD("password of ADMIN_USER for the ops API and Liberty's batch REST API"),
  KEYSTORE_PASSWORD("password of the keystore Liberty generates for the HTTPS port");

  private final String meaning;

  RequiredSetting(String meaning) {
    this.meaning = meaning;
  }

  String meaning() {
    return meaning;
  }

  /** Why a present value is unusable, if it is. */
  Optional<String> problem(String value) {
    return value.isBlank() ? Optional.of("is blank") : Optional.empty();
  }
}
