package dev.neanelu.web.error;

import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server-side failures: the full exception goes to the log under a random reference, the caller gets only that
 * reference, so nothing internal (stack traces, SQL, secrets in messages) leaves the server.
 */
final class InternalErrors {

  private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());

  private InternalErrors() {}

  static Response report(Throwable e, String path) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, e, () -> "Unhandled error " + reference + " on " + path);
    return ProblemDetail.of(
            ProblemType.INTERNAL, 500, "The server failed to handle the request; reference " + reference, path)
        .toResponse();
  }
}
