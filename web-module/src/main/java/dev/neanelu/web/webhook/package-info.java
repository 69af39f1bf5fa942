/** The webhook endpoint {@code POST /webhooks} (outside {@code /api}): raw body in, 200 or 401 problem+json out. */
package dev.neanelu.web.webhook;
