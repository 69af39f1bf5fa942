package dev.neanelu.web.auth;

import dev.neanelu.install.InstallRejectedException;
import dev.neanelu.install.InstallService;
import dev.neanelu.web.error.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /auth/install?shop&hmac&timestamp&host}: Shopify's install request. Verified, it redirects to the
 * shop's authorize page with a fresh state nonce, also set in the state cookie; otherwise 400/401 problem+json.
 */
@WebServlet(name = "InstallServlet", urlPatterns = "/auth/install")
public class InstallServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient InstallService installs;

  @Inject
  @ConfigProperty(name = "APP_HOST", defaultValue = "http://localhost:9080")
  transient String appHost;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      InstallService.Authorization authorization = installs.begin(QueryParameters.parse(request.getQueryString()));
      StateCookie.set(response, authorization.stateCookie(), appHost.startsWith("https:"));
      response.sendRedirect(authorization.authorizeUrl().toString());
    } catch (InstallRejectedException e) {
      ServletProblems.write(
          request, response, ProblemType.INSTALL_REJECTED, e.authentication() ? 401 : 400, e.getMessage());
    }
  }
}
