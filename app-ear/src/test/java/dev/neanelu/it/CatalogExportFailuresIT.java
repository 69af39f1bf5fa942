package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.simulator.bulk.BulkOperation;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bulk exports that fail, recovered within the run (issue 6, Await):
 *
 * <ul>
 *   <li>FAILED with partial data: the partial data is ingested and the remainder (products from the last one it
 *       holds) exported again; the catalog ends equal to the snapshot, and nothing is pruned or deleted from partial
 *       data;
 *   <li>TIMEOUT: the export's updated_at window is split in two and each half exported; the catalog ends equal to
 *       the snapshot.
 * </ul>
 */
class CatalogExportFailuresIT {

  @Test
  void aFailedExportsPartialDataIsIngestedAndTheRemainderExported() throws Exception {
    String shop = Simulator.shopRegisteredWithApp("partial", "plus");
    Simulator.get().control().generateCatalog(shop, 400, 23);
    Simulator.get().control().setFaults(shop,
        Map.of("bulkFailAtObjectCount", 1200, "bulkFailErrorCode", "INTERNAL_SERVER_ERROR"));

    JsonObject run = CatalogIngestIT.syncAndWait(shop, "{\"mode\":\"full\"}");

    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    List<BulkOperation> operations = queries(shop);
    assertThat(operations).hasSize(2);
    assertThat(operations.get(0).status()).isEqualTo(BulkOperation.Status.FAILED);
    assertThat(operations.get(0).partialDataUrl()).isNotNull();
    assertThat(operations.get(1).query()).contains("id:>=");
    CatalogIngestIT.assertCatalogEqualsSnapshot(shop, shop);
  }

  @Test
  void aTimedOutExportIsSplitIntoTwoWindows() throws Exception {
    String shop = Simulator.shopRegisteredWithApp("timeout", "plus");
    Simulator.get().control().generateCatalog(shop, 400, 29);
    Simulator.get().control().setFaults(shop, Map.of("bulkFailAtObjectCount", 900, "bulkFailErrorCode", "TIMEOUT"));

    JsonObject run = CatalogIngestIT.syncAndWait(shop, "{\"mode\":\"full\"}");

    assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
    List<BulkOperation> operations = queries(shop);
    assertThat(operations).hasSize(3);
    assertThat(operations.get(0).errorCode()).isEqualTo("TIMEOUT");
    assertThat(operations.get(1).query()).contains("updated_at:<=");
    assertThat(operations.get(2).query()).contains("updated_at:>");
    assertThat(operations.subList(1, 3)).allMatch(op -> op.status() == BulkOperation.Status.COMPLETED);
    assertThat(run.getJsonNumber("rootObjectCount").longValue()).isEqualTo(400);
    CatalogIngestIT.assertCatalogEqualsSnapshot(shop, shop);
  }

  private static List<BulkOperation> queries(String shop) {
    return Simulator.get().control().bulkOperations(shop).stream()
        .filter(op -> op.type() == BulkOperation.Type.QUERY)
        .sorted(java.util.Comparator.comparingLong(BulkOperation::id))
        .toList();
  }
}
