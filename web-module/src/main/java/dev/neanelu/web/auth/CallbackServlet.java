package dev.neanelu.web.auth;

import dev.neanelu.install.InstallRejectedException;
import dev.neanelu.install.InstallService;
import dev.neanelu.shopify.ShopifyException;
import dev.neanelu.web.error.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /auth/callback?code&hmac&host&shop&state&timestamp}: Shopify's redirect after the merchant approved.
 * Verified (state against the cookie, HMAC, timestamp, shop), it installs the shop and redirects into the embedded
 * admin; the state cookie is cleared either way, so a callback cannot be replayed.
 */
@WebServlet(name = "CallbackServlet", urlPatterns = InstallService.CALLBACK_PATH)
public class CallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient InstallService installs;

  @Inject
  @ConfigProperty(name = "APP_HOST", defaultValue = "http://localhost:9080")
  transient String appHost;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean secure = appHost.startsWith("https:");
    String cookie = StateCookie.read(request);
    StateCookie.clear(response, secure);
    try {
      URI admin = installs.complete(QueryParameters.parse(request.getQueryString()), cookie);
      response.sendRedirect(admin.toString());
    } catch (InstallRejectedException e) {
      ServletProblems.write(
          request, response, ProblemType.INSTALL_REJECTED, e.authentication() ? 401 : 400, e.getMessage());
    } catch (ShopifyException e) {
      ServletProblems.write(request, response, ProblemType.SHOPIFY_FAILED, 502, e.getMessage());
    }
  }
}
