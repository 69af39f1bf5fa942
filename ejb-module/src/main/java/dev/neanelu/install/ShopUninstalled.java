package dev.neanelu.install;

import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantId;

/**
 * A shop uninstalled the app: it is marked uninstalled and its tokens are deleted (Shopify revoked them already).
 * Fired once per uninstall, after it committed; observers cancel the shop's running jobs.
 */
public record ShopUninstalled(TenantId shop, ShopDomain domain) {}
