package dev.neanelu.webhook;

import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantId;
import java.time.Instant;

/**
 * A verified {@code bulk_operations/finish} delivery, published in this JVM on the request thread: a hint for
 * whoever polls that operation here (export pollers), never stored and never the only signal (polling is the rule).
 */
public record WebhookReceived(
    TenantId shop, ShopDomain domain, String topic, String eventId, Instant triggeredAt, String body) {}
