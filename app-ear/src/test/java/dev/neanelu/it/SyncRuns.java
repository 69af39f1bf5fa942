package dev.neanelu.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the runs and job executions of a shop straight from the database, as the superuser. */
final class SyncRuns {

  private SyncRuns() {}

  static long linesLoaded(String shop) throws Exception {
    return longOf("SELECT coalesce(max(r.lines_loaded), 0) FROM sync_runs r JOIN shops h ON h.id = r.shop_id"
        + " WHERE h.shop_domain = ?", shop);
  }

  static long running(String shop) throws Exception {
    return longOf("SELECT count(*) FROM sync_runs r JOIN shops h ON h.id = r.shop_id"
        + " WHERE h.shop_domain = ? AND r.status = 'RUNNING'", shop);
  }

  static long runs(String shop) throws Exception {
    return longOf("SELECT count(*) FROM sync_runs r JOIN shops h ON h.id = r.shop_id WHERE h.shop_domain = ?",
        shop);
  }

  static List<Long> executions(long instance) throws Exception {
    List<Long> found = new ArrayList<>();
    try (Connection c = superuser();
        PreparedStatement ps = c.prepareStatement(
            "SELECT jobexecid FROM jbatch.jobexecution WHERE fk_jobinstanceid = ? ORDER BY jobexecid")) {
      ps.setLong(1, instance);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getLong(1));
        }
      }
    }
    return found;
  }

  static long latestExecution(long instance) throws Exception {
    List<Long> all = executions(instance);
    return all.get(all.size() - 1);
  }

  /** The shop's run of {@code instance} once it is no longer RUNNING. */
  static JsonObject awaitFinished(String shop, long instance, Duration timeout) {
    JsonObject[] found = new JsonObject[1];
    await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
      if (CatalogIngestIT.summary(shop).get("lastSync") instanceof JsonObject run
          && run.getJsonNumber("jobInstanceId").longValue() == instance
          && !run.getString("status").equals("RUNNING")) {
        found[0] = run;
        return true;
      }
      return false;
    });
    return found[0];
  }

  static String batchStatus(long execution) {
    return BatchRestApi.execution(execution).getString("batchStatus");
  }

  private static long longOf(String sql, String shop) throws Exception {
    try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, shop);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static Connection superuser() throws Exception {
    return DriverManager.getConnection(System.getProperty("it.postgres.url"), "postgres", "");
  }
}
