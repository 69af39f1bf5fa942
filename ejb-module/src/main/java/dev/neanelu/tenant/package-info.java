/**
 * Tenancy: a tenant is one installed Shopify shop. Holds the identifiers ({@link dev.neanelu.tenant.TenantId},
 * {@link dev.neanelu.tenant.ShopDomain}) and {@link dev.neanelu.tenant.TenantContext}, the only way
 * tenant-scoped rows are read or written. Shop registration and credentials live with their own features.
 */
package dev.neanelu.tenant;
