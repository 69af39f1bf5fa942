package dev.neanelu.install;

import dev.neanelu.tenant.TenantId;

/**
 * What recording an install did to the shop's registry row.
 *
 * @param newlyInstalled the shop was not installed before (new row, or an uninstalled one): fire {@link ShopInstalled}
 * @param reinstall it had been installed and uninstalled before
 */
public record Installation(TenantId shop, boolean newlyInstalled, boolean reinstall) {}
