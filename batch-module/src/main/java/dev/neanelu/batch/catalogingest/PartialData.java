package dev.neanelu.batch.catalogingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the partial data a FAILED export left, to find where the remainder export must start. Shopify walks the
 * products connection in id order and, without {@code groupObjects}, writes each kind of child after its parents in
 * the parents' order, but later than them: when the export stops, the last products' children may not have been
 * written yet. So for every kind of child in the file (variants, product metafields, media, variant metafields),
 * the parent of its last line is where that kind may be cut off, and the remainder starts at the earliest of these
 * products ({@code id:>=}); everything before it is whole in the partial data. The repeated products are upserted
 * again, which is harmless. A file with no child lines at all proves nothing: the remainder is the whole window.
 *
 * <p>Streams the file (twice when variant-owned lines need their variant's product) in constant memory, without
 * parsing JSON.
 */
final class PartialData {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"gid://shopify/([A-Za-z0-9]+)/(\\d{1,18})\"");
  private static final Pattern PARENT =
      Pattern.compile("\"__parentId\"\\s*:\\s*\"gid://shopify/([A-Za-z0-9]+)/(\\d{1,18})\"");

  private PartialData() {}

  /** The first product id the remainder must export again, or null for the whole window. */
  static Long remainderFrom(URI url) {
    Map<String, Long> lastParentByKind = new HashMap<>();
    Long lastVariantOwner = null;
    try (JsonlSource source = JsonlSource.open(url, CatalogIngestCheckpoint.START, 1 << 20)) {
      for (RawLine line = source.next(); line != null; line = source.next()) {
        Gid[] ids = ids(line);
        if (ids == null || ids[1] == null) {
          continue;
        }
        if ("Product".equals(ids[1].type())) {
          lastParentByKind.put(ids[0].type(), ids[1].id());
        } else if ("ProductVariant".equals(ids[1].type())) {
          lastVariantOwner = ids[1].id();
        }
      }
    }
    if (lastVariantOwner != null) {
      Long product = productOfVariant(url, lastVariantOwner);
      lastParentByKind.put("VariantOwned", product == null ? Long.valueOf(0) : product);
    }
    return lastParentByKind.values().stream().min(Long::compare).orElse(null);
  }

  private static Long productOfVariant(URI url, long variantId) {
    try (JsonlSource source = JsonlSource.open(url, CatalogIngestCheckpoint.START, 1 << 20)) {
      for (RawLine line = source.next(); line != null; line = source.next()) {
        Gid[] ids = ids(line);
        if (ids != null && "ProductVariant".equals(ids[0].type()) && ids[0].id() == variantId && ids[1] != null) {
          return ids[1].id();
        }
      }
    }
    return null;
  }

  /**
   * The line's top-level id and {@code __parentId}, or null for a line without an id. Found anywhere in the line:
   * fields come in selection order. An id quoted inside a string value has escaped quotes and cannot match; nested
   * objects of a line (options, seo, image) carry no gid id.
   */
  private static Gid[] ids(RawLine line) {
    if (line.overlong()) {
      return null;
    }
    String text = new String(line.bytes(), StandardCharsets.UTF_8);
    Matcher id = ID.matcher(text);
    if (!id.find()) {
      return null;
    }
    Matcher parent = PARENT.matcher(text);
    return new Gid[] {
      new Gid(id.group(1), Long.parseLong(id.group(2))),
      parent.find() ? new Gid(parent.group(1), Long.parseLong(parent.group(2))) : null
    };
  }
}
