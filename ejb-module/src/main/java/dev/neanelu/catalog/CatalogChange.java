package dev.neanelu.catalog;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One product as a source other than the bulk export reports it (a product webhook, a reconciliation sweep page),
 * as catalog rows under the Admin GraphQL names the export stores, ready for {@link CatalogWrites}.
 */
record CatalogChange(Row product, List<Row> variants, List<Row> media, List<Row> metafields) {

  /**
   * One catalog row: the typed columns the tables index, and {@code fields}, every field under its GraphQL name.
   *
   * @param parentId the owning product (variants, media, metafields); 0 for a product
   */
  record Row(
      long id,
      long parentId,
      String title,
      String handle,
      String status,
      String vendor,
      String productType,
      List<String> tags,
      String sku,
      Integer position,
      String namespace,
      String key,
      String type,
      Instant createdAt,
      Instant updatedAt,
      JsonObject fields) {}
}
