package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.batch.catalogingest.MetafieldAuditResult.UnreadableNamespace;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The audit result as the ops report shows it. Scenarios: before comparison the JSON has counts, namespaces, gone
 * owners and unreadable namespaces but no {@code mismatches}; after, it lists missing and extra ids per owner, owners
 * stored but not read included, owners gone excluded.
 */
class MetafieldAuditResultTest {

  private static final String P = "gid://shopify/Product/1";
  private static final String V = "gid://shopify/ProductVariant/11";
  private static final String W = "gid://shopify/ProductVariant/12";
  private static final String GONE = "gid://shopify/Product/2";

  private final MetafieldAuditResult result =
      new MetafieldAuditResult(
          ids(Map.of(P, Set.of(1L, 2L, 3L), V, Set.of(4L))),
          3,
          5,
          new TreeSet<>(Set.of("custom", "app--42")),
          Set.of(GONE),
          List.of(new UnreadableNamespace("app--7--reviews", 2, new TreeSet<>(Set.of("PRODUCT")))),
          Optional.empty());

  @Test
  void theReportBeforeComparison() {
    JsonObject json = parse(result.toJson().toString());

    assertThat(json)
        .isEqualTo(
            parse(
                """
                {"metafieldsRead":4,"pages":3,"requests":5,"owners":2,"namespaces":["app--42","custom"],
                 "ownersGone":["gid://shopify/Product/2"],
                 "notReadable":[{"namespace":"app--7--reviews","definitions":2,"ownerTypes":["PRODUCT"],
                   "reason":"owned by another app: values not readable with this app's token"}]}
                """));
  }

  @Test
  void theReportAfterComparison() {
    Map<String, Set<Long>> stored = Map.of(P, Set.of(1L, 2L, 9L), V, Set.of(4L), W, Set.of(5L), GONE, Set.of(6L));

    JsonObject json = result.comparedWith(stored).toJson();

    assertThat(json.getJsonArray("mismatches"))
        .isEqualTo(
            parse(
                    """
                    {"m":[{"owner":"gid://shopify/Product/1","missingInDb":[3],"extraInDb":[9]},
                          {"owner":"gid://shopify/ProductVariant/12","missingInDb":[],"extraInDb":[5]}]}
                    """)
                .getJsonArray("m"));
    assertThat(json.getInt("metafieldsRead")).isEqualTo(4);
  }

  private static Map<String, SortedSet<Long>> ids(Map<String, Set<Long>> in) {
    Map<String, SortedSet<Long>> out = new LinkedHashMap<>();
    out.put(P, new TreeSet<>(in.get(P)));
    out.put(V, new TreeSet<>(in.get(V)));
    return out;
  }

  private static JsonObject parse(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
