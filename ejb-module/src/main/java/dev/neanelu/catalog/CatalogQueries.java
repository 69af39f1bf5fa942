package dev.neanelu.catalog;

import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Reads the stored catalog of one shop for the ops API: counts, and one product with everything it owns. */
@ApplicationScoped
public class CatalogQueries {

  private static final String PRODUCT_VIEW = sql("product-view.sql");
  private static final String SUMMARY = sql("summary.sql");

  /**
   * Counts of the stored catalog: products, variants, metafields, media, deleted; and of the latest run: lines it
   * could not store (errors), lines it stored altered (warnings), and how its reconcile ended ({@code RECONCILED},
   * {@code SKIPPED_PARTIAL_DATA}, {@code SKIPPED_UNREADABLE_IDS}; null before it reconciled).
   */
  public record Counts(
      long products, long variants, long metafields, long media, long deleted, long errors, long warnings,
      String reconcile) {}

  @Inject TenantContext tenants;

  public Counts counts(TenantId shop) {
    return tenants.call(
        shop,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SUMMARY);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getString(8));
          }
        });
  }

  /** The product as JSON under Shopify's field names, with variants, metafields and media arrays. */
  public Optional<String> product(TenantId shop, long productId) {
    return tenants.call(
        shop,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(PRODUCT_VIEW)) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  private static String sql(String name) {
    try (InputStream in = CatalogQueries.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("SQL resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
