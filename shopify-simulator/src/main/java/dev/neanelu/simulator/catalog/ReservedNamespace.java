package dev.neanelu.simulator.catalog;

/**
 * Shopify's app-reserved metafield namespaces. {@code $app} stands for {@code app--{app id}} and
 * {@code $app:foo} for {@code app--{app id}--foo}; such a namespace belongs to that app, whatever
 * the catalog holds in it. {@code shopify--} namespaces are Shopify's and are not modelled here.
 */
public final class ReservedNamespace {

  private static final String PREFIX = "app--";
  private static final String SHORTHAND = "$app";

  private ReservedNamespace() {}

  /** The id of the app that owns {@code namespace}, or null when no app owns it. */
  public static String owner(String namespace) {
    if (namespace == null || !namespace.startsWith(PREFIX)) {
      return null;
    }
    String rest = namespace.substring(PREFIX.length());
    int end = rest.indexOf("--");
    String id = end < 0 ? rest : rest.substring(0, end);
    return id.isEmpty() ? null : id;
  }

  /**
   * The namespace as stored: {@code $app} shorthands are expanded for {@code appId}; null (omitted)
   * means {@code $app}, as every Admin API write defaults to it.
   */
  public static String resolve(String namespace, String appId) {
    if (namespace == null || namespace.equals(SHORTHAND)) {
      return PREFIX + appId;
    }
    if (namespace.startsWith(SHORTHAND + ":")) {
      return PREFIX + appId + "--" + namespace.substring(SHORTHAND.length() + 1);
    }
    return namespace;
  }
}
