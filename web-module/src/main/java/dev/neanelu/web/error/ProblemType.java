package dev.neanelu.web.error;

import java.net.URI;

/**
 * The catalogue of problem types. Each has a stable {@code type} URI and a numbered code (NEANELU-Ennn) that clients
 * and support can rely on across releases; add new ones at the end, never renumber.
 */
public enum ProblemType {
  NOT_FOUND("E001", "not-found", "Resource not found"),
  METHOD_NOT_ALLOWED("E002", "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE("E003", "not-acceptable", "No acceptable representation"),
  UNSUPPORTED_MEDIA_TYPE("E004", "unsupported-media-type", "Unsupported media type"),
  MALFORMED_REQUEST("E005", "malformed-request", "Malformed request body"),
  INVALID_REQUEST("E006", "invalid-request", "Invalid request"),
  UNAUTHORIZED("E007", "unauthorized", "Authentication required"),
  FORBIDDEN("E008", "forbidden", "Not allowed"),
  CONFLICT("E009", "conflict", "Conflict"),
  HTTP_ERROR("E010", "http-error", "Request failed"),
  SHOPIFY_UNAVAILABLE("E011", "shopify-unavailable", "Shopify cannot be called for this shop right now"),
  SHOPIFY_FAILED("E012", "shopify-failed", "Shopify call failed"),
  INSTALL_REJECTED("E013", "install-rejected", "Install request rejected"),
  SESSION_TOKEN_INVALID("E014", "session-token-invalid", "Session token missing or invalid"),
  WEBHOOK_REJECTED("E015", "webhook-rejected", "Webhook delivery rejected"),
  WEBHOOK_TOO_LARGE("E016", "webhook-too-large", "Webhook body too large"),
  INTERNAL("E999", "internal-error", "Internal server error");

  private static final String BASE = "https://neanelu.dev/problems/";

  private final String code;
  private final String slug;
  private final String title;

  ProblemType(String code, String slug, String title) {
    this.code = code;
    this.slug = slug;
    this.title = title;
  }

  public String code() {
    return "NEANELU-" + code;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  public String title() {
    return title;
  }

  /** The type that best describes a bare HTTP status. */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 400 -> INVALID_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      default -> status >= 500 ? INTERNAL : HTTP_ERROR;
    };
  }
}
