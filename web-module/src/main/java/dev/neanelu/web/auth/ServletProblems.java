package dev.neanelu.web.auth;

import dev.neanelu.web.error.ProblemDetail;
import dev.neanelu.web.error.ProblemType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** problem+json answers from servlets, the same body the JAX-RS mappers write. */
public final class ServletProblems {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private ServletProblems() {}

  /** The instance is the request path only: queries here carry HMACs, codes and states. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemType type, int status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.of(type, status, detail, request.getRequestURI());
    response.setStatus(status);
    response.setContentType(ProblemDetail.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSONB.toJson(problem));
  }
}
