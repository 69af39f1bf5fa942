package dev.neanelu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Product reads and writes through GraphQL.
 *
 * <ul>
 *   <li>cursor pagination visits every product once; {@code updated_at:>} with sortKey UPDATED_AT
 *       is ordered;
 *   <li>product(id), node/nodes for products and variants; productVariants; metafields first above
 *       250 fails;
 *   <li>productSet replaces variants and fires no errors; metafieldsSet caps at 25 and writes
 *       atomically.
 * </ul>
 */
class ProductQueriesTest {

  private static ShopifySimulator sim;
  private static SimClient client;
  private static String token;

  @BeforeAll
  static void start() {
    sim = ShopifySimulator.start(SimulatorOptions.defaults());
    token =
        sim.control()
            .createShop(ShopSpec.named("reader").plan("ENTERPRISE").generate(120, 9))
            .accessToken();
    client = new SimClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private JsonNode gql(String query, Map<String, Object> variables) {
    JsonNode body = client.graphql("reader", token, query, variables);
    assertThat(body.has("errors")).as(body.toString()).isFalse();
    return body.get("data");
  }

  @Test
  void cursorPaginationVisitsEveryProductOnce() {
    List<String> ids = new ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          gql(
                  "query($a: String) { products(first: 50, after: $a) { edges { cursor node { id }"
                      + " } pageInfo { hasNextPage endCursor } } }",
                  after == null ? Map.of() : Map.of("a", after))
              .get("products");
      page.get("edges").forEach(e -> ids.add(e.at("/node/id").asText()));
      after =
          page.at("/pageInfo/hasNextPage").asBoolean()
              ? page.at("/pageInfo/endCursor").asText()
              : null;
    } while (after != null);
    assertThat(ids).hasSize(120).doesNotHaveDuplicates();
  }

  @Test
  void updatedAtFilterWithMatchingSortKeyIsOrdered() {
    List<Instant> all =
        sim.control().products("reader").stream()
            .map(p -> Instant.ofEpochSecond(p.updatedAt()))
            .sorted()
            .toList();
    Instant cut = all.get(60);
    JsonNode page =
        gql(
                "query($q: String) { products(first: 250, query: $q, sortKey: UPDATED_AT) { nodes"
                    + " { updatedAt } } }",
                Map.of("q", "updated_at:>'" + cut + "'"))
            .at("/products/nodes");
    List<Instant> seen = new ArrayList<>();
    page.forEach(n -> seen.add(Instant.parse(n.get("updatedAt").asText())));
    assertThat(seen).isSorted().allMatch(t -> t.isAfter(cut));
    assertThat(seen).hasSize((int) all.stream().filter(t -> t.isAfter(cut)).count());
  }

  @Test
  void nodesResolveProductsAndVariants() {
    var product = sim.control().products("reader").get(3);
    String variant = product.variants().get(0).gid();
    JsonNode data =
        gql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { title }"
                + " ... on ProductVariant { sku product { id } } } }",
            Map.of("ids", List.of(product.gid(), variant)));
    assertThat(data.at("/nodes/0/__typename").asText()).isEqualTo("Product");
    assertThat(data.at("/nodes/0/title").asText()).isEqualTo(product.title());
    assertThat(data.at("/nodes/1/product/id").asText()).isEqualTo(product.gid());
    JsonNode variants =
        gql("{ productVariants(first: 7) { nodes { id } pageInfo { hasNextPage } } }", Map.of());
    assertThat(variants.at("/productVariants/nodes")).hasSize(7);
  }

  @Test
  void metafieldPagesAbove250AreRefused() {
    JsonNode body =
        client.graphql(
            "reader",
            token,
            "{ products(first: 1) { nodes { metafields(first: 251) {" + " nodes { id } } } } }",
            Map.of());
    assertThat(body.at("/errors/0/message").asText()).contains("250");
  }

  @Test
  void productSetCreatesAndReplacesVariants() {
    String mutation =
        "mutation($input: ProductSetInput!, $id: ProductSetIdentifiers) { productSet(input: $input,"
            + " identifier: $id) { product { id title variants(first: 10) { nodes { sku price } } }"
            + " userErrors { message code } } }";
    Map<String, Object> input =
        Map.of(
            "title",
            "Set board",
            "productOptions",
            List.of(
                Map.of(
                    "name", "Size", "values", List.of(Map.of("name", "S"), Map.of("name", "M")))),
            "variants",
            List.of(
                Map.of(
                    "optionValues",
                    List.of(Map.of("optionName", "Size", "name", "S")),
                    "sku",
                    "SB-S",
                    "price",
                    "10"),
                Map.of(
                    "optionValues",
                    List.of(Map.of("optionName", "Size", "name", "M")),
                    "sku",
                    "SB-M",
                    "price",
                    "11")));
    JsonNode created = gql(mutation, Map.of("input", input)).get("productSet");
    assertThat(created.at("/product/variants/nodes")).hasSize(2);
    String id = created.at("/product/id").asText();
    JsonNode replaced =
        gql(
                mutation,
                Map.of(
                    "id",
                    Map.of("id", id),
                    "input",
                    Map.of(
                        "variants",
                        List.of(
                            Map.of(
                                "optionValues",
                                List.of(Map.of("optionName", "Size", "name", "L")),
                                "sku",
                                "SB-L",
                                "price",
                                "12")))))
            .get("productSet");
    assertThat(replaced.at("/product/title").asText()).isEqualTo("Set board");
    assertThat(replaced.at("/product/variants/nodes")).hasSize(1);
    assertThat(replaced.at("/product/variants/nodes/0/sku").asText()).isEqualTo("SB-L");
  }

  @Test
  void metafieldsSetCapsAt25AndWrites() {
    String product = sim.control().products("reader").get(5).gid();
    String mutation =
        "mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key"
            + " value } userErrors { field message code } } }";
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(
          Map.of(
              "ownerId",
              product,
              "namespace",
              "custom",
              "key",
              "k" + i,
              "type",
              "single_line_text_field",
              "value",
              "v"));
    }
    assertThat(gql(mutation, Map.of("m", many)).at("/metafieldsSet/userErrors/0/code").asText())
        .isEqualTo("LESS_THAN_OR_EQUAL_TO");
    JsonNode ok = gql(mutation, Map.of("m", many.subList(0, 2))).get("metafieldsSet");
    assertThat(ok.get("userErrors")).isEmpty();
    assertThat(sim.control().product("reader", product).orElseThrow().metafields())
        .anyMatch(m -> m.key().equals("k1"));
  }

  @Test
  void snapshotListsTheWholeCatalog() {
    JsonNode snapshot = SimClient.tree(sim.control().snapshotJson("reader"));
    assertThat(snapshot.get("productCount").asInt()).isEqualTo(snapshot.get("products").size());
    assertThat(snapshot.at("/products/0/variants/0/id").asText())
        .startsWith("gid://shopify/ProductVariant/");
  }
}
