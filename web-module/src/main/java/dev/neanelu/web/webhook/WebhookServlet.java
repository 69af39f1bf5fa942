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
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /webhooks}: every topic the app subscribes to, and the compliance topics. A servlet because the
 * signature covers the exact body bytes, which must be read before anything parses them.
 *
 * <p>The body is read through a bound ({@code WEBHOOK_MAX_BYTES}, default 8 MiB): a declared length over it is
 * answered 413 before anything is read, and a body that grows past it while being read is cut off with 413 too. A
 * wrong or missing signature, or a body that is not a genuine payload of its topic and shop, is answered 401
 * problem+json (Shopify's rule); an accepted delivery 200 once it is stored.
 */
@WebServlet(name = "WebhookServlet", urlPatterns = "/webhooks")
public class WebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient WebhookReceiver receiver;

  @Inject
  @ConfigProperty(name = "WEBHOOK_MAX_BYTES", defaultValue = "8388608")
  transient int maxBytes;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(request, response);
      return;
    }
    byte[] body = readBounded(request.getInputStream(), maxBytes);
    if (body == null) {
      tooLarge(request, response);
      return;
    }
    WebhookDelivery delivery =
        new WebhookDelivery(
            request.getHeader("X-Shopify-Topic"),
            request.getHeader("X-Shopify-Shop-Domain"),
            request.getHeader("X-Shopify-Webhook-Id"),
            request.getHeader("X-Shopify-Event-Id"),
            instant(request.getHeader("X-Shopify-Triggered-At")),
            request.getHeader("X-Shopify-API-Version"),
            request.getHeader("X-Shopify-Hmac-Sha256"),
            body);
    try {
      receiver.receive(delivery);
      response.setStatus(HttpServletResponse.SC_OK);
    } catch (InvalidWebhookException e) {
      ServletProblems.write(request, response, ProblemType.WEBHOOK_REJECTED, 401, e.getMessage());
    }
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // The rest of an oversized body is not read: close the connection instead of draining it.
    response.setHeader("Connection", "close");
    ServletProblems.write(
        request, response, ProblemType.WEBHOOK_TOO_LARGE, 413,
        "webhook bodies are limited to " + maxBytes + " bytes");
  }

  /** The whole body, or null when it has more than {@code limit} bytes (at most {@code limit + 1} are read). */
  static byte[] readBounded(InputStream in, int limit) throws IOException {
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? null : body;
  }

  private static Instant instant(String header) {
    if (header == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(header.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
