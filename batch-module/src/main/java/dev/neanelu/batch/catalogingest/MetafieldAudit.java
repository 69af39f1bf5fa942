package dev.neanelu.batch.catalogingest;

import dev.neanelu.shopify.GraphqlDocument;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads every metafield of a sample of products and of each of their variants through the Admin GraphQL API,
 * outside bulk and page by page to the end, and names the namespaces other apps reserved that this app's token
 * cannot read. The result is then {@linkplain MetafieldAuditResult#comparedWith compared} with what the sync
 * stored. It exists because peers read {@code metafields(first: N)} once and lose the rest without a trace, and
 * because another app's data is invisible to us rather than missing: both must show in the report, not vanish.
 */
public final class MetafieldAudit {

  private static final GraphqlDocument PRODUCT_METAFIELDS = load("ProductMetafieldsPage");
  private static final GraphqlDocument PRODUCT_VARIANTS = load("ProductVariantsPage");
  private static final GraphqlDocument VARIANT_METAFIELDS = load("VariantMetafieldsPage");
  private static final String METAFIELD_GID = "gid://shopify/Metafield/";

  private final ShopGraphql graphql;
  private final ForeignAppNamespaces foreign;

  /**
   * @param ownAppId the id Shopify puts in this app's reserved namespaces ({@code app--{id}}); namespaces of any
   *     other id are reported as not readable
   */
  public MetafieldAudit(ShopGraphql graphql, String ownAppId) {
    this.graphql = graphql;
    this.foreign = new ForeignAppNamespaces(ownAppId);
  }

  /**
   * Audits the products (global ids), their variants, and the shop's metafield definitions.
   *
   * @throws RuntimeException whatever the {@link ShopGraphql} throws; nothing is partially reported
   */
  public MetafieldAuditResult audit(List<String> productGids) {
    ConnectionPages pages = new ConnectionPages(graphql);
    Tally tally = new Tally();
    for (String product : new LinkedHashSet<>(productGids)) {
      if (tally.owner(pages.ofObject(PRODUCT_METAFIELDS, product, "product", "metafields"), product)) {
        ConnectionPages.Read variants = pages.ofObject(PRODUCT_VARIANTS, product, "product", "variants");
        tally.requests += variants.pages();
        for (JsonObject variant : variants.nodes()) {
          String id = variant.getString("id");
          tally.owner(pages.ofObject(VARIANT_METAFIELDS, id, "productVariant", "metafields"), id);
        }
      }
    }
    ForeignAppNamespaces.Found unreadable = foreign.find(pages);
    return new MetafieldAuditResult(
        tally.ids,
        tally.pages,
        tally.requests + unreadable.requests(),
        tally.namespaces,
        tally.gone,
        unreadable.namespaces(),
        Optional.empty());
  }

  /** What the owners read so far add up to. */
  private static final class Tally {
    final Map<String, SortedSet<Long>> ids = new LinkedHashMap<>();
    final SortedSet<String> namespaces = new TreeSet<>();
    final Set<String> gone = new LinkedHashSet<>();
    int pages;
    int requests;

    /** Adds one owner's metafields; false when the owner was gone. */
    boolean owner(ConnectionPages.Read read, String gid) {
      pages += read.pages();
      requests += read.pages();
      if (!read.found()) {
        gone.add(gid);
        return false;
      }
      SortedSet<Long> owned = new TreeSet<>();
      for (JsonObject metafield : read.nodes()) {
        owned.add(numericId(metafield.getString("id")));
        namespaces.add(metafield.getString("namespace"));
      }
      ids.put(gid, owned);
      return true;
    }
  }

  private static long numericId(String gid) {
    if (!gid.startsWith(METAFIELD_GID)) {
      throw new IllegalStateException("Not a metafield id: " + gid);
    }
    return Long.parseLong(gid.substring(METAFIELD_GID.length()));
  }

  private static GraphqlDocument load(String name) {
    return GraphqlDocument.load(MetafieldAudit.class, name);
  }
}
