package dev.neanelu.web.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page for failures the servlet container answers itself, outside JAX-RS: unknown paths, refused methods,
 * failed authentication, uncaught exceptions. Registered in web.xml for every status and for Throwable, it renders
 * the same problem+json body the mappers do.
 */
@WebServlet(name = "ProblemServlet", urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = status(request, error);
    ProblemDetail problem =
        status >= 500
            ? (ProblemDetail) InternalErrors.report(error, path).getEntity()
            : ProblemDetail.of(ProblemType.forStatus(status), status, detail(status, path), path);
    response.setStatus(problem.status());
    response.setContentType(ProblemDetail.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSONB.toJson(problem));
  }

  /**
   * The container's status, except that Liberty reports a path no servlet or file serves as a 500 carrying a
   * FileNotFoundException: that is a 404 for the caller.
   */
  private static int status(HttpServletRequest request, Throwable error) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    for (Throwable t = error; status >= 500 && t != null; t = t.getCause()) {
      if (t instanceof FileNotFoundException) {
        return 404;
      }
    }
    return status;
  }

  private static String detail(int status, String path) {
    return switch (status) {
      case 404 -> "No resource at " + path;
      case 401 -> "Credentials are missing or wrong";
      case 403 -> "These credentials may not use " + path;
      case 405 -> "This method is not allowed on " + path;
      default -> "The request to " + path + " failed";
    };
  }
}
