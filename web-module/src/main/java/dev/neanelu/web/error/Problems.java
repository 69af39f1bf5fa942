package dev.neanelu.web.error;

import jakarta.ws.rs.core.UriInfo;

/** Helpers shared by the mappers. */
final class Problems {

  private Problems() {}

  /** The request path as the caller sent it, without query string (queries may carry HMACs or codes). */
  static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
