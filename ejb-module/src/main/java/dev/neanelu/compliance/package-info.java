/**
 * Shopify's mandatory privacy topics: {@code customers/data_request} and {@code customers/redact} are recorded and
 * answered ({@link dev.neanelu.compliance.CustomerRequests}; Neanelu keeps product catalogs only, so each report says
 * that it holds no personal data of the customer, and the contact details the request itself carried are removed
 * from the inbox), and {@code shop/redact} erases every row of the shop ({@link dev.neanelu.compliance.ShopRedaction}
 * over the tables that {@link dev.neanelu.compliance.TenantTables} finds in the database catalog), leaving an audit
 * record. The three topics are app configuration ({@code compliance_topics} in {@code shopify.app.toml}), not API
 * subscriptions; they are delivered to the same {@code /webhooks} endpoint as every other topic.
 */
package dev.neanelu.compliance;
