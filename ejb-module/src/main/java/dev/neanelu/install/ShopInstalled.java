package dev.neanelu.install;

import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.TenantId;

/**
 * A shop installed the app (first time, or again after an uninstall: {@code reinstall}) and its offline token is
 * stored. Fired after the install committed; observers start the shop's first full catalog sync. Not fired when an
 * installed shop merely re-authorises.
 */
public record ShopInstalled(TenantId shop, ShopDomain domain, boolean reinstall) {}
