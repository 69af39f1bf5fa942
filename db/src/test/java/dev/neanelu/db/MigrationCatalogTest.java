package dev.neanelu.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The migration index against the directory: every script is listed exactly once, versions are unique and
 * ascending, and names follow {@code V<n>__<what>.sql}.
 */
class MigrationCatalogTest {

  @Test
  void indexListsEveryScriptInTheDirectory() throws URISyntaxException {
    File dir = new File(getClass().getClassLoader().getResource(MigrationCatalog.LOCATION).toURI());
    List<String> onDisk =
        Arrays.stream(dir.list((d, name) -> name.endsWith(".sql"))).sorted().toList();
    List<String> indexed = MigrationCatalog.load().stream().map(Migration::script).sorted().toList();
    assertThat(indexed).containsExactlyElementsOf(onDisk);
  }

  /** Unique and ascending; gaps are allowed because parallel features reserve their numbers. */
  @Test
  void versionsAreUniqueAndAscending() {
    List<Integer> versions = MigrationCatalog.load().stream().map(Migration::version).toList();
    assertThat(versions).doesNotHaveDuplicates().isSorted();
    assertThat(MigrationCatalog.latestVersion()).isEqualTo(versions.get(versions.size() - 1));
  }

  @Test
  void badFileNamesAreRejected() {
    assertThatThrownBy(() -> Migration.of("2_products.sql", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyTenantScopedTableForcesRowLevelSecurity() {
    for (Migration m : MigrationCatalog.load()) {
      String sql = m.sql();
      if (sql.contains("shop_id")) {
        assertThat(sql).as(m.script()).contains("ENABLE ROW LEVEL SECURITY").contains("FORCE ROW LEVEL SECURITY");
      }
    }
  }
}
