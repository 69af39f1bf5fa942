package dev.neanelu.simulator.catalog;

import java.util.List;

/**
 * What one app may do with a shop's metafields, the way Shopify guards app-reserved namespaces: the
 * owning app reads and writes its own; another app reads them only under a definition with {@code
 * PUBLIC_READ} or {@code PUBLIC_READ_WRITE} admin access, and writes them only under the latter.
 * Without a definition an app's data is private to it. Everything outside app-reserved namespaces
 * is open to every app.
 *
 * @param appId the reading or writing app's id, as it appears in its namespaces
 */
public record MetafieldPermissions(String appId, MetafieldDefinitions definitions) {

  public boolean readable(String ownerType, String namespace, String key) {
    return allowed(ownerType, namespace, key, true);
  }

  public boolean writable(String ownerType, String namespace, String key) {
    return allowed(ownerType, namespace, key, false);
  }

  /** The metafields of one owner this app can see, in their order. */
  public List<Metafield> visible(String ownerType, List<Metafield> metafields) {
    if (metafields.stream().allMatch(m -> ReservedNamespace.owner(m.namespace()) == null)) {
      return metafields;
    }
    return metafields.stream().filter(m -> readable(ownerType, m.namespace(), m.key())).toList();
  }

  /**
   * The metafields of one owner this app cannot see. A write that replaces an owner's metafields
   * ({@code productSet}) keeps them: no app deletes another app's data.
   */
  public List<Metafield> hidden(String ownerType, List<Metafield> metafields) {
    return metafields.stream().filter(m -> !readable(ownerType, m.namespace(), m.key())).toList();
  }

  private boolean allowed(String ownerType, String namespace, String key, boolean read) {
    String owner = ReservedNamespace.owner(namespace);
    if (owner == null || owner.equals(appId)) {
      return true;
    }
    return definitions
        .find(ownerType, namespace, key)
        .map(d -> read ? d.readableByOtherApps() : d.writableByOtherApps())
        .orElse(false);
  }
}
