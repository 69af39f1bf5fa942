package dev.neanelu.compliance;

import dev.neanelu.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The audit of {@code shop/redact} erasures ({@code shop_redactions}, not tenant data: it outlives the rows). */
@ApplicationScoped
public class Redactions {

  private static final String LIST =
      "SELECT id, shop_domain, event_id, requested_at, redacted_at, rows_deleted::text FROM shop_redactions"
          + " WHERE redacted = ? ORDER BY id DESC";

  @Resource(lookup = "jdbc/app")
  private DataSource dataSource;

  /** One erasure: when it was asked for and done, and how many rows each table lost. */
  public record Redaction(
      long id, String shopDomain, String eventId, Instant requestedAt, Instant redactedAt, String rowsDeletedJson) {}

  /** The shop's erasures, newest first. */
  @Transactional
  public List<Redaction> of(TenantId shop) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST)) {
      ps.setObject(1, shop.value());
      List<Redaction> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Redaction(
                  rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                  instant(rs.getTimestamp(5)), rs.getString(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the redactions of shop " + shop, e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
