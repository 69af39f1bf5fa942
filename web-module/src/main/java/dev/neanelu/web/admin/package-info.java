/**
 * The embedded-admin API, {@code /api/admin/*}: called by the app's front end inside the Shopify admin with
 * {@code Authorization: Bearer <App Bridge session token>} ({@link dev.neanelu.web.admin.SessionTokenFilter}), never
 * with basic auth. Every answer concerns the shop named in the verified token, whatever the path or query says.
 */
package dev.neanelu.web.admin;
