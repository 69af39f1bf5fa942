package dev.neanelu.webhook;

import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantId;
import java.time.Instant;

/**
 * A verified delivery for an installed shop, for the feature that owns the topic ({@code products/update} and the
 * like: catalog ingest; {@code bulk_operations/finish}). Observers run on the request thread and must return fast
 * (Shopify allows 5 s in total): record or enqueue, never process inline. Deliveries are at least once: dedupe on
 * {@code eventId}.
 */
public record WebhookReceived(
    TenantId shop, ShopDomain domain, String topic, String eventId, Instant triggeredAt, String body) {}
