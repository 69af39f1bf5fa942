package dev.neanelu.simulator.graphql;

import java.util.Map;

/**
 * A request-level mistake a resolver reports as a GraphQL error (not a user error), e.g. a
 * connection without {@code first} or {@code last}. Carries Shopify's wording and extension code.
 */
public final class ApiError extends RuntimeException {

  private final Map<String, Object> extensions;

  public ApiError(String message, String code) {
    super(message, null, false, false);
    this.extensions = code == null ? Map.of() : Map.of("code", code);
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
