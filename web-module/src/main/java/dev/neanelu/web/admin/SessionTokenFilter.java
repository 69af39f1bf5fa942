package dev.neanelu.web.admin;

import dev.neanelu.session.InvalidSessionTokenException;
import dev.neanelu.session.SessionToken;
import dev.neanelu.session.SessionTokenVerifier;
import dev.neanelu.web.error.ProblemDetail;
import dev.neanelu.web.error.ProblemType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires a valid App Bridge session token on every {@link EmbeddedAdmin} request and hands the verified token to
 * the resource as the request property {@link #SESSION}. Anything else ends here with 401 problem+json and
 * {@code WWW-Authenticate: Bearer}, before any resource code runs.
 */
@Provider
@EmbeddedAdmin
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SessionTokenFilter implements ContainerRequestFilter {

  /** The request property holding the verified {@link SessionToken}. */
  public static final String SESSION = SessionTokenFilter.class.getName() + ".session";

  private static final String BEARER = "Bearer ";

  @Inject SessionTokenVerifier verifier;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      request.abortWith(unauthorized(request, "Authorization: Bearer <session token> is required"));
      return;
    }
    try {
      request.setProperty(SESSION, verifier.verify(header.substring(BEARER.length()).strip()));
    } catch (InvalidSessionTokenException e) {
      request.abortWith(unauthorized(request, e.getMessage()));
    }
  }

  private static Response unauthorized(ContainerRequestContext request, String detail) {
    ProblemDetail problem =
        ProblemDetail.of(
            ProblemType.SESSION_TOKEN_INVALID, 401, detail, request.getUriInfo().getRequestUri().getRawPath());
    return Response.fromResponse(problem.toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }
}
