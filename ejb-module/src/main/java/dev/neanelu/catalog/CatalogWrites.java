package dev.neanelu.catalog;

import dev.neanelu.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Writes a {@link CatalogChange} into the catalog tables, newest {@code updatedAt} wins (the rule the bulk ingest
 * follows too), and a product deleted at time T is not brought back by a version updated before T. Rows written here
 * get a fresh {@code synced_at}, by which a full sync running meanwhile knows not to mark them deleted or prune them.
 * Fields the change does not carry (the export has more) are kept: the change's fields are merged over the stored
 * ones. Runs on the caller's tenant connection, in its transaction.
 */
final class CatalogWrites {

  private static final String NEWER_THAN_STORED =
      " WHERE (%1$s.updated_at IS NULL OR excluded.updated_at >= %1$s.updated_at)";

  private static final String UPSERT_PRODUCT =
      "INSERT INTO products AS p (shop_id, product_id, title, handle, status, vendor, product_type, tags, created_at,"
          + " updated_at, fields, deleted_at, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, NULL, now())"
          + " ON CONFLICT (shop_id, product_id) DO UPDATE SET title = excluded.title, handle = excluded.handle,"
          + " status = excluded.status, vendor = excluded.vendor, product_type = excluded.product_type,"
          + " tags = excluded.tags, created_at = coalesce(excluded.created_at, p.created_at),"
          + " updated_at = excluded.updated_at, fields = p.fields || excluded.fields, deleted_at = NULL,"
          + " synced_at = now()"
          + NEWER_THAN_STORED.formatted("p")
          + " AND (p.deleted_at IS NULL OR excluded.updated_at > p.deleted_at)"
          + " RETURNING product_id";
  private static final String UPSERT_VARIANT =
      "INSERT INTO product_variants AS v (shop_id, variant_id, product_id, sku, title, position, updated_at, fields,"
          + " synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())"
          + " ON CONFLICT (shop_id, variant_id) DO UPDATE SET product_id = excluded.product_id, sku = excluded.sku,"
          + " title = excluded.title, position = excluded.position, updated_at = excluded.updated_at,"
          + " fields = v.fields || excluded.fields, synced_at = now()"
          + NEWER_THAN_STORED.formatted("v");
  private static final String UPSERT_METAFIELD =
      "INSERT INTO metafields AS m (shop_id, metafield_id, owner_type, owner_id, namespace, key, updated_at, fields,"
          + " synced_at) VALUES (?, ?, 'Product', ?, ?, ?, ?, ?::jsonb, now())"
          + " ON CONFLICT (shop_id, metafield_id) DO UPDATE SET namespace = excluded.namespace, key = excluded.key,"
          + " updated_at = excluded.updated_at, fields = m.fields || excluded.fields, synced_at = now()"
          + NEWER_THAN_STORED.formatted("m");
  private static final String UPSERT_MEDIA =
      "INSERT INTO product_media AS pm (shop_id, media_id, product_id, media_type, fields, synced_at)"
          + " VALUES (?, ?, ?, ?, ?::jsonb, now())"
          + " ON CONFLICT (shop_id, media_id) DO UPDATE SET product_id = excluded.product_id,"
          + " media_type = excluded.media_type, fields = pm.fields || excluded.fields, synced_at = now()";
  private CatalogWrites() {}

  /**
   * @return how many variants were written, or -1 when the stored product was kept (it is newer, or was deleted
   *     after this version), in which case nothing of the change was written
   */
  static int apply(Connection c, TenantId shop, CatalogChange change) throws SQLException {
    if (!upsertProduct(c, shop, change.product())) {
      return -1;
    }
    int variants = upsertVariants(c, shop, change.variants());
    upsertMetafields(c, shop, change.metafields());
    upsertMedia(c, shop, change.media());
    return variants;
  }

  private static boolean upsertProduct(Connection c, TenantId shop, CatalogChange.Row p) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_PRODUCT)) {
      ps.setObject(1, shop.value());
      ps.setLong(2, p.id());
      ps.setString(3, p.title() == null ? "" : p.title());
      ps.setString(4, p.handle());
      ps.setString(5, p.status());
      ps.setString(6, p.vendor());
      ps.setString(7, p.productType());
      ps.setArray(8, c.createArrayOf("text", p.tags().toArray()));
      ps.setTimestamp(9, timestamp(p.createdAt()));
      ps.setTimestamp(10, timestamp(p.updatedAt()));
      ps.setString(11, p.fields().toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int upsertVariants(Connection c, TenantId shop, List<CatalogChange.Row> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_VARIANT)) {
      for (CatalogChange.Row v : rows) {
        ps.setObject(1, shop.value());
        ps.setLong(2, v.id());
        ps.setLong(3, v.parentId());
        ps.setString(4, v.sku());
        ps.setString(5, v.title());
        ps.setObject(6, v.position());
        ps.setTimestamp(7, timestamp(v.updatedAt()));
        ps.setString(8, v.fields().toString());
        ps.addBatch();
      }
      return rows.isEmpty() ? 0 : sum(ps.executeBatch());
    }
  }

  private static void upsertMetafields(Connection c, TenantId shop, List<CatalogChange.Row> rows)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_METAFIELD)) {
      for (CatalogChange.Row m : rows) {
        ps.setObject(1, shop.value());
        ps.setLong(2, m.id());
        ps.setLong(3, m.parentId());
        ps.setString(4, m.namespace());
        ps.setString(5, m.key());
        ps.setTimestamp(6, timestamp(m.updatedAt()));
        ps.setString(7, m.fields().toString());
        ps.addBatch();
      }
      if (!rows.isEmpty()) {
        ps.executeBatch();
      }
    }
  }

  private static void upsertMedia(Connection c, TenantId shop, List<CatalogChange.Row> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_MEDIA)) {
      for (CatalogChange.Row m : rows) {
        ps.setObject(1, shop.value());
        ps.setLong(2, m.id());
        ps.setLong(3, m.parentId());
        ps.setString(4, m.type());
        ps.setString(5, m.fields().toString());
        ps.addBatch();
      }
      if (!rows.isEmpty()) {
        ps.executeBatch();
      }
    }
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int n : counts) {
      total += Math.max(n, 0);
    }
    return total;
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
