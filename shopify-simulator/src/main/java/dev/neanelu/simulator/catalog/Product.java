package dev.neanelu.simulator.catalog;

import java.util.List;

/**
 * One product of a shop's catalog with its variants, metafields and media. Immutable: a change
 * replaces the record, so a bulk export that is walking the catalog never sees half an update.
 */
public record Product(
    long id,
    String title,
    String handle,
    String status,
    String vendor,
    String productType,
    List<String> tags,
    String descriptionHtml,
    long createdAt,
    long updatedAt,
    List<String> optionNames,
    List<Variant> variants,
    List<Metafield> metafields,
    List<MediaImage> media) {

  public String gid() {
    return Gid.of("Product", id);
  }

  /**
   * Number of JSONL lines a full export of this product yields (itself, variants, their metafields,
   * rest).
   */
  public int objectCount() {
    int count = 1 + variants.size() + metafields.size() + media.size();
    for (Variant v : variants) {
      count += v.metafields().size();
    }
    return count;
  }
}
