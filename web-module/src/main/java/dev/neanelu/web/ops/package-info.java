/**
 * The ops API under {@code /api/ops}: HTTP basic as {@code ADMIN_USER}, role {@code admin} (web.xml). Shop
 * registration here; later capabilities add sync control, summaries and dead letters.
 */
package dev.neanelu.web.ops;
