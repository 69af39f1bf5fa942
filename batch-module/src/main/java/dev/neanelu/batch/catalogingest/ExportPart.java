package dev.neanelu.batch.catalogingest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One file a run reads ({@code sync_run_parts}): a bulk export of the products in a window, or a given file.
 * Usually a run has one part. A FAILED export that left partial data keeps that data as a {@code PARTIAL} part and
 * adds a {@code remainder} part for the products after the last one it holds; a TIMEOUT marks the part {@code SPLIT}
 * and adds two {@code window} parts, each exporting half of its {@code updated_at} window.
 *
 * @param part position in the run: parts are exported and read in this order
 * @param origin export, file, remainder or window
 * @param updatedAfter products updated after this instant (exclusive), or no lower bound
 * @param updatedBefore products updated up to this instant (inclusive), or no upper bound
 * @param idFrom products with an id of at least this, or no bound (remainders)
 * @param status PENDING, EXPORTING, READY (url holds the whole part), PARTIAL (url holds a prefix) or SPLIT
 */
public record ExportPart(
    int part,
    String origin,
    Instant updatedAfter,
    Instant updatedBefore,
    Long idFrom,
    String bulkOperationId,
    String status,
    String url,
    Long objectCount,
    Long rootObjectCount) {

  /** Whether the load step reads this part. */
  boolean readable() {
    return ("READY".equals(status) || "PARTIAL".equals(status)) && url != null;
  }

  boolean finished() {
    return "READY".equals(status) || "PARTIAL".equals(status) || "SPLIT".equals(status);
  }

  /** The products search filter of this part; blank for a whole catalog. */
  String searchFilter() {
    List<String> terms = new ArrayList<>();
    if (updatedAfter != null) {
      terms.add("updated_at:>'" + DateTimeFormatter.ISO_INSTANT.format(updatedAfter) + "'");
    }
    if (updatedBefore != null) {
      terms.add("updated_at:<='" + DateTimeFormatter.ISO_INSTANT.format(updatedBefore) + "'");
    }
    if (idFrom != null) {
      terms.add("id:>=" + idFrom);
    }
    return String.join(" ", terms);
  }
}
