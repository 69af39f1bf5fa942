package dev.neanelu.web.webhook;

import dev.neanelu.web.auth.ServletProblems;
import dev.neanelu.web.error.ProblemType;
import dev.neanelu.webhook.InvalidWebhookException;
import dev.neanelu.webhook.WebhookDelivery;
import dev.neanelu.webhook.WebhookReceiver;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /webhooks}: every topic the app subscribes to. A servlet because the signature covers the exact body
 * bytes, which must be read before anything parses them. 200 once handled, 401 problem+json when the signature is
 * wrong (Shopify's compliance rule).
 */
@WebServlet(name = "WebhookServlet", urlPatterns = "/webhooks")
public class WebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient WebhookReceiver receiver;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    WebhookDelivery delivery =
        new WebhookDelivery(
            request.getHeader("X-Shopify-Topic"),
            request.getHeader("X-Shopify-Shop-Domain"),
            request.getHeader("X-Shopify-Event-Id"),
            instant(request.getHeader("X-Shopify-Triggered-At")),
            request.getHeader("X-Shopify-Hmac-Sha256"),
            request.getInputStream().readAllBytes());
    try {
      receiver.receive(delivery);
      response.setStatus(HttpServletResponse.SC_OK);
    } catch (InvalidWebhookException e) {
      ServletProblems.write(request, response, ProblemType.WEBHOOK_REJECTED, 401, e.getMessage());
    }
  }

  private static Instant instant(String header) {
    if (header == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(header).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
