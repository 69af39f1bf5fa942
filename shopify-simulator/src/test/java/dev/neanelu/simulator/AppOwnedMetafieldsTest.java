package dev.neanelu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * App-reserved metafield namespaces as the shop's installed app ({@code sim-client-owned}) sees
 * them. The catalog holds, on one product and its variant, metafields in {@code custom}, in the
 * app's own namespace and in another app's ({@code app--4711--…}).
 *
 * <ul>
 *   <li>reads: another app's metafields are absent from {@code metafields}, {@code metafield} and
 *       {@code node}, unless a definition gives them {@code PUBLIC_READ}; the merchant's snapshot
 *       still holds them;
 *   <li>writes: {@code metafieldsSet} into another app's namespace is {@code APP_NOT_AUTHORIZED}
 *       and writes nothing; {@code productSet} replaces the metafields the app sees and keeps the
 *       hidden ones;
 *   <li>definitions: {@code metafieldDefinitions} lists every definition of the owner type, other
 *       apps' included, page by page; {@code $app:x} resolves on create and on filter; another
 *       app's namespace and admin access on a merchant namespace are refused;
 *   <li>the control API adds and lists definitions.
 * </ul>
 */
class AppOwnedMetafieldsTest {

  private static final String SHOP = "owned";
  private static final String OWN = "app--sim-client-owned--sync";
  private static final String PRODUCT = "gid://shopify/Product/8000000000001";
  private static final String VARIANT = "gid://shopify/ProductVariant/8100000000001";

  private ShopifySimulator sim;
  private SimClient client;
  private String token;

  @BeforeEach
  void start() {
    sim = ShopifySimulator.start(SimulatorOptions.defaults());
    token = sim.control().createShop(ShopSpec.named(SHOP).plan("ENTERPRISE")).accessToken();
    client = new SimClient(sim);
    List<Map<String, Object>> lines = new ArrayList<>();
    lines.add(Map.of("id", PRODUCT, "title", "Owned", "handle", "owned"));
    lines.add(metafield(1, "custom", "material", PRODUCT));
    lines.add(metafield(2, OWN, "state", PRODUCT));
    lines.add(metafield(3, "app--4711--reviews", "rating", PRODUCT));
    lines.add(metafield(4, "app--4711--reviews", "count", PRODUCT));
    lines.add(metafield(5, "app--4711--public", "badge", PRODUCT));
    lines.add(Map.of("id", VARIANT, "title", "Default Title", "__parentId", PRODUCT));
    lines.add(metafield(6, "app--4711--reviews", "rating", VARIANT));
    lines.add(metafield(7, "custom", "size", VARIANT));
    StringBuilder jsonl = new StringBuilder();
    lines.forEach(l -> jsonl.append(SimClient.write(l)).append('\n'));
    sim.control()
        .loadCatalog(
            SHOP,
            new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)),
            true);
    sim.control()
        .addMetafieldDefinition(
            SHOP, "PRODUCT", "app--4711--reviews", "rating", "number_integer", null);
    sim.control()
        .addMetafieldDefinition(
            SHOP, "PRODUCT", "app--4711--public", "badge", "single_line_text_field", "PUBLIC_READ");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static Map<String, Object> metafield(long n, String namespace, String key, String owner) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "gid://shopify/Metafield/" + (9000 + n));
    m.put("namespace", namespace);
    m.put("key", key);
    m.put("value", "v" + n);
    m.put("__parentId", owner);
    return m;
  }

  private JsonNode gql(String query, Map<String, Object> variables) {
    JsonNode body = client.graphql(SHOP, token, query, variables);
    assertThat(body.has("errors")).as(body.toString()).isFalse();
    return body.get("data");
  }

  private List<String> ids(JsonNode nodes) {
    List<String> out = new ArrayList<>();
    nodes.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void anotherAppsMetafieldsAreHiddenUnlessPubliclyReadable() {
    JsonNode data =
        gql(
            "query($p: ID!, $v: ID!) { product(id: $p) { metafields(first: 250) { nodes { id } } }"
                + " productVariant(id: $v) { metafields(first: 250) { nodes { id } } } }",
            Map.of("p", PRODUCT, "v", VARIANT));
    assertThat(ids(data.at("/product/metafields/nodes")))
        .containsExactly(
            "gid://shopify/Metafield/9001",
            "gid://shopify/Metafield/9002",
            "gid://shopify/Metafield/9005");
    assertThat(ids(data.at("/productVariant/metafields/nodes")))
        .containsExactly("gid://shopify/Metafield/9007");
    assertThat(sim.control().product(SHOP, PRODUCT).orElseThrow().metafields()).hasSize(5);
  }

  @Test
  void directLookupsOfAHiddenMetafieldAnswerNull() {
    JsonNode data =
        gql(
            "query($p: ID!) { product(id: $p) { rating: metafield(namespace:"
                + " \"app--4711--reviews\", key: \"rating\") { id } badge: metafield(namespace:"
                + " \"app--4711--public\", key: \"badge\") { id } }"
                + " hidden: node(id: \"gid://shopify/Metafield/9003\") { id }"
                + " shown: node(id: \"gid://shopify/Metafield/9005\") { id } }",
            Map.of("p", PRODUCT));
    assertThat(data.at("/product/rating").isNull()).isTrue();
    assertThat(data.at("/product/badge/id").asText()).isEqualTo("gid://shopify/Metafield/9005");
    assertThat(data.get("hidden").isNull()).isTrue();
    assertThat(data.at("/shown/id").asText()).isEqualTo("gid://shopify/Metafield/9005");
  }

  @Test
  void writingIntoAnotherAppsNamespaceIsRefused() {
    JsonNode result =
        gql(
                "mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) {"
                    + " metafields { id } userErrors { field code elementIndex } } }",
                Map.of(
                    "m",
                    List.of(
                        Map.of(
                            "ownerId",
                            PRODUCT,
                            "namespace",
                            "custom",
                            "key",
                            "ok",
                            "value",
                            "1",
                            "type",
                            "single_line_text_field"),
                        Map.of(
                            "ownerId",
                            PRODUCT,
                            "namespace",
                            "app--4711--reviews",
                            "key",
                            "rating",
                            "value",
                            "5",
                            "type",
                            "number_integer"))))
            .get("metafieldsSet");
    assertThat(result.get("metafields").isNull()).isTrue();
    assertThat(result.at("/userErrors/0/code").asText()).isEqualTo("APP_NOT_AUTHORIZED");
    assertThat(result.at("/userErrors/0/elementIndex").asInt()).isEqualTo(1);
    assertThat(sim.control().product(SHOP, PRODUCT).orElseThrow().metafields())
        .extracting(m -> m.value())
        .containsExactly("v1", "v2", "v3", "v4", "v5");
  }

  @Test
  void productSetReplacesOnlyTheMetafieldsTheAppCanSee() {
    JsonNode result =
        gql(
                "mutation($id: ID!, $m: [MetafieldInput!]) { productSet(identifier: {id: $id},"
                    + " input: {metafields: $m}) { userErrors { code } } }",
                Map.of(
                    "id",
                    PRODUCT,
                    "m",
                    List.of(
                        Map.of(
                            "namespace",
                            "custom",
                            "key",
                            "material",
                            "value",
                            "wool",
                            "type",
                            "single_line_text_field"))))
            .get("productSet");
    assertThat(result.get("userErrors")).isEmpty();
    assertThat(sim.control().product(SHOP, PRODUCT).orElseThrow().metafields())
        .extracting(m -> m.namespace() + "." + m.key() + "=" + m.value())
        .containsExactlyInAnyOrder(
            "app--4711--reviews.rating=v3", "app--4711--reviews.count=v4", "custom.material=wool");
  }

  @Test
  void definitionsOfEveryAppArePagedByOwnerType() {
    for (int i = 0; i < 5; i++) {
      JsonNode created =
          gql(
                  "mutation($d: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition:"
                      + " $d) { createdDefinition { namespace access { admin } } userErrors { code"
                      + " } } }",
                  Map.of(
                      "d",
                      Map.of(
                          "namespace",
                          "$app:sync",
                          "key",
                          "k" + i,
                          "name",
                          "K" + i,
                          "type",
                          "single_line_text_field",
                          "ownerType",
                          "PRODUCT")))
              .get("metafieldDefinitionCreate");
      assertThat(created.get("userErrors")).isEmpty();
      assertThat(created.at("/createdDefinition/namespace").asText()).isEqualTo(OWN);
      assertThat(created.at("/createdDefinition/access/admin").asText()).isEqualTo("MERCHANT_READ");
    }
    sim.control()
        .addMetafieldDefinition(
            SHOP, "PRODUCTVARIANT", "custom", "size", "single_line_text_field", null);

    List<String> seen = new ArrayList<>();
    int pages = 0;
    String after = null;
    do {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("after", after);
      JsonNode page =
          gql(
                  "query($after: String) { metafieldDefinitions(ownerType: PRODUCT, first: 3,"
                      + " after: $after) { nodes { namespace key access { admin } metafieldsCount }"
                      + " pageInfo { hasNextPage endCursor } } }",
                  vars)
              .get("metafieldDefinitions");
      page.get("nodes")
          .forEach(n -> seen.add(n.get("namespace").asText() + "." + n.get("key").asText()));
      pages++;
      after =
          page.at("/pageInfo/hasNextPage").asBoolean()
              ? page.at("/pageInfo/endCursor").asText()
              : null;
    } while (after != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactly(
            "app--4711--reviews.rating",
            "app--4711--public.badge",
            OWN + ".k0",
            OWN + ".k1",
            OWN + ".k2",
            OWN + ".k3",
            OWN + ".k4");
    JsonNode own =
        gql(
                "{ metafieldDefinitions(ownerType: PRODUCT, namespace: \"$app:sync\", first: 10) {"
                    + " nodes { key } } }",
                Map.of())
            .at("/metafieldDefinitions/nodes");
    assertThat(own).hasSize(5);
  }

  @Test
  void definitionsInAnotherAppsNamespaceOrWithAdminAccessOnCustomAreRefused() {
    String create =
        "mutation($d: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $d) {"
            + " createdDefinition { id } userErrors { field code } } }";
    JsonNode foreign =
        gql(
                create,
                Map.of(
                    "d",
                    Map.of(
                        "namespace",
                        "app--4711--reviews",
                        "key",
                        "stars",
                        "name",
                        "Stars",
                        "type",
                        "number_integer",
                        "ownerType",
                        "PRODUCT")))
            .get("metafieldDefinitionCreate");
    assertThat(foreign.get("createdDefinition").isNull()).isTrue();
    assertThat(foreign.at("/userErrors/0/code").asText()).isEqualTo("INVALID");
    JsonNode custom =
        gql(
                create,
                Map.of(
                    "d",
                    Map.of(
                        "namespace",
                        "custom",
                        "key",
                        "stars",
                        "name",
                        "Stars",
                        "type",
                        "number_integer",
                        "ownerType",
                        "PRODUCT",
                        "access",
                        Map.of("admin", "MERCHANT_READ"))))
            .get("metafieldDefinitionCreate");
    assertThat(custom.at("/userErrors/0/code").asText())
        .isEqualTo("ADMIN_ACCESS_INPUT_NOT_ALLOWED");
    assertThat(sim.control().metafieldDefinitions(SHOP)).hasSize(2);
  }

  @Test
  void theControlApiAddsAndListsDefinitions() {
    Map<String, Object> definition =
        Map.of("ownerType", "PRODUCTVARIANT", "namespace", "app--99--x", "key", "y", "type", "boolean");
    var created = client.post("/_sim/shops/" + SHOP + "/metafield-definitions", definition);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(SimClient.tree(created.body()).get("adminAccess").asText())
        .isEqualTo("MERCHANT_READ");
    var again = client.post("/_sim/shops/" + SHOP + "/metafield-definitions", definition);
    assertThat(again.statusCode()).isEqualTo(409);
    JsonNode listed =
        SimClient.tree(client.get("/_sim/shops/" + SHOP + "/metafield-definitions").body());
    assertThat(listed.get("metafieldDefinitions")).hasSize(3);
  }
}
