/**
 * Webhook deliveries from Shopify: verification ({@link dev.neanelu.webhook.WebhookSecrets}: the signature covers
 * only the body, so {@link dev.neanelu.webhook.WebhookTopic} also checks each body's shape and shop against the
 * unsigned headers), the durable {@link dev.neanelu.webhook.WebhookInbox} (one row per event, stored with its work
 * item before the 200), and {@link dev.neanelu.webhook.WebhookWork}, the fair-dispatch work that applies each
 * stored delivery exactly once through the {@link dev.neanelu.webhook.WebhookHandler} of its topic. The handlers
 * live with the feature that owns the topic: {@code catalog} (products), {@code install} (app/uninstalled),
 * {@code compliance} (customers/*, shop/redact). The HTTP endpoint is {@code dev.neanelu.web.webhook}.
 */
package dev.neanelu.webhook;
