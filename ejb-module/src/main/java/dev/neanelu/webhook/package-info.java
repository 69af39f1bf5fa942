/**
 * Webhook deliveries from Shopify: signature verification over the raw body, {@code app/uninstalled} handled here
 * (through {@code dev.neanelu.install}), every other topic published as a {@link dev.neanelu.webhook.WebhookReceived}
 * event for the feature that owns it. The HTTP endpoint is {@code dev.neanelu.web.webhook}.
 */
package dev.neanelu.webhook;
