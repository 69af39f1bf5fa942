package dev.neanelu.batch.catalogingest;

import java.util.Set;

/**
 * What the catalog does with a line, from its gid's type and its parent's: the four kinds it stores, or
 * {@link #OTHER} for objects of kinds nobody asked for (they arrived, so they still count against Shopify's
 * objectCount, but nothing is written for them).
 */
enum LineKind {
  PRODUCT("products"),
  VARIANT("variants"),
  METAFIELD("metafields"),
  MEDIA("media"),
  OTHER("other");

  private static final Set<String> MEDIA_TYPES = Set.of("MediaImage", "Video", "ExternalVideo", "Model3d");

  private final String tally;

  LineKind(String tally) {
    this.tally = tally;
  }

  /** The kind's name in {@code chunk_rows.kind} and in the run's tallies. */
  String tally() {
    return tally;
  }

  static LineKind of(Gid gid, Gid parent) {
    return switch (gid.type()) {
      case "Product" -> PRODUCT;
      case "ProductVariant" -> VARIANT;
      case "Metafield" -> parent != null && (parent.type().equals("Product") || parent.type().equals("ProductVariant"))
          ? METAFIELD : OTHER;
      default -> parent != null && parent.type().equals("Product") && MEDIA_TYPES.contains(gid.type())
          ? MEDIA : OTHER;
    };
  }
}
