package dev.neanelu.simulator.catalog;

/**
 * A metafield definition: the schema of one (owner type, namespace, key). {@code adminAccess} is
 * the Admin API access of its values ({@code MetafieldAdminAccess}): {@code PUBLIC_READ_WRITE} for
 * merchant-owned namespaces; for an app-reserved namespace what its app chose, {@code
 * MERCHANT_READ} by default, which no other app can read.
 */
public record MetafieldDefinition(
    long id,
    String ownerType,
    String namespace,
    String key,
    String name,
    String description,
    String type,
    String adminAccess,
    boolean pinned,
    long createdAt) {

  /**
   * The admin access a definition gets when none is asked for: an app's reserved namespace is
   * readable by the merchant only ({@code MERCHANT_READ}); any other namespace is open to every
   * app.
   */
  public static String defaultAdminAccess(String namespace) {
    return ReservedNamespace.owner(namespace) == null ? "PUBLIC_READ_WRITE" : "MERCHANT_READ";
  }

  public String gid() {
    return Gid.of("MetafieldDefinition", id);
  }

  /** The id of the app owning the namespace, or null for a merchant-owned one. */
  public String ownerApp() {
    return ReservedNamespace.owner(namespace);
  }

  /** Whether apps other than the namespace's owner may read the values ({@code PUBLIC_READ*}). */
  public boolean readableByOtherApps() {
    return adminAccess.startsWith("PUBLIC_READ");
  }

  /** Whether apps other than the namespace's owner may write the values. */
  public boolean writableByOtherApps() {
    return adminAccess.equals("PUBLIC_READ_WRITE");
  }
}
