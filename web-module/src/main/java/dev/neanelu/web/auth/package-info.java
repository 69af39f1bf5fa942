/**
 * The OAuth install endpoints outside {@code /api}: {@code GET /auth/install} and {@code GET /auth/callback}.
 * Servlets rather than JAX-RS resources: they answer with redirects and cookies, and a second JAX-RS application
 * would also pick up every {@code /api} resource. Errors are problem+json like everywhere else
 * ({@link dev.neanelu.web.auth.ServletProblems}).
 */
package dev.neanelu.web.auth;
