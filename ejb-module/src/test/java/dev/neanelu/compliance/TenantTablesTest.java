package dev.neanelu.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deletion order: every table comes after the tables that reference it, whatever order the catalog lists them in. */
class TenantTablesTest {

  @Test
  void referencingTablesComeFirst() {
    Set<String> tables = new LinkedHashSet<>(List.of("sync_runs", "work_shops", "products", "ingest_errors",
        "sync_run_parts", "work_items"));
    Map<String, Set<String>> referencedBy =
        Map.of("sync_runs", Set.of("ingest_errors", "sync_run_parts"), "work_shops", Set.of("work_items"));
    List<String> order = TenantTables.order(tables, referencedBy);
    assertThat(order).containsExactlyInAnyOrderElementsOf(tables);
    assertThat(order.indexOf("ingest_errors")).isLessThan(order.indexOf("sync_runs"));
    assertThat(order.indexOf("sync_run_parts")).isLessThan(order.indexOf("sync_runs"));
    assertThat(order.indexOf("work_items")).isLessThan(order.indexOf("work_shops"));
  }

  @Test
  void aCycleDoesNotLoopForever() {
    List<String> order =
        TenantTables.order(new LinkedHashSet<>(List.of("a", "b")), Map.of("a", Set.of("b"), "b", Set.of("a")));
    assertThat(order).containsExactlyInAnyOrder("a", "b");
  }
}
