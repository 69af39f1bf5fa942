package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.batch.catalogingest.MetafieldAuditResult.MetafieldMismatch;
import dev.neanelu.batch.catalogingest.MetafieldAuditResult.UnreadableNamespace;
import dev.neanelu.ratelimit.BucketLimits;
import dev.neanelu.ratelimit.LocalCostBucket;
import dev.neanelu.shopify.AdminApiEndpoint;
import dev.neanelu.shopify.CallObserver;
import dev.neanelu.shopify.GraphqlCaller;
import dev.neanelu.shopify.JdkGraphqlTransport;
import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import dev.neanelu.tenant.ShopDomain;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metafield audit against the simulator over HTTP, through the production GraphQL caller (JDK transport, local
 * cost bucket) instead of Liberty. The shop's app is {@code sim-client-audit}; its catalog:
 *
 * <ul>
 *   <li>product A: 600 metafields (custom and our own {@code app--sim-client-audit--sync}) plus 2 in app 4711's
 *       reserved namespace, which the simulator hides from us as Shopify does; variant A1 with 3 metafields, A2 none;
 *   <li>product B: 2 metafields, one variant without any; product C: 260 variants, only the last with a metafield;
 *   <li>definitions, PRODUCT: 260 custom ones first, then 2 in {@code app--4711--reviews}, 1 {@code PUBLIC_READ} in
 *       {@code app--4711--public} and 1 of our own; PRODUCTVARIANT: 1 in {@code app--4711--reviews}.
 * </ul>
 *
 * Scenarios: every metafield of A is read over 3 pages, and the page and owner counts are exact; variants past the
 * first 250 are read; {@code app--4711--reviews} is reported with its 3 definitions (found on the second page) and
 * nothing else is, unless our own id is given wrongly; a product that does not exist is reported gone, never
 * compared; comparing with stored ids names what is missing and extra per owner; no request asks for more than
 * 250 nodes.
 */
class MetafieldAuditTest {

  private static final String OWN_APP = "sim-client-audit";
  private static final String A = "gid://shopify/Product/8000000000001";
  private static final String B = "gid://shopify/Product/8000000000002";
  private static final String C = "gid://shopify/Product/8000000000003";
  private static final String A1 = "gid://shopify/ProductVariant/8100000000001";
  private static final String A2 = "gid://shopify/ProductVariant/8100000000002";
  private static final String B1 = "gid://shopify/ProductVariant/8100000000003";
  private static final long C_FIRST_VARIANT = 8_200_000_000_000L;
  private static final long FIRST_METAFIELD = 70_000_000_000L;

  private static ShopifySimulator simulator;
  private static ShopGraphql graphql;
  private static final AtomicInteger calls = new AtomicInteger();
  private static long nextMetafield = FIRST_METAFIELD;

  @BeforeAll
  static void start() {
    simulator = ShopifySimulator.start(SimulatorOptions.defaults().port(0));
    String token = simulator.control().createShop(ShopSpec.named("audit").plan("ENTERPRISE")).accessToken();
    simulator.control().loadCatalog("audit", catalog(), true);
    defineMetafields();
    GraphqlCaller caller =
        new GraphqlCaller(
            new JdkGraphqlTransport(
                new AdminApiEndpoint(simulator.baseUrlTemplate(), "2026-04"), Duration.ofSeconds(10)),
            new LocalCostBucket(),
            GraphqlCaller.Sleeper.THREAD,
            new CallObserver() {},
            Clock.systemUTC(),
            Duration.ofMinutes(1));
    ShopDomain shop = ShopDomain.parse("audit.myshopify.com");
    graphql =
        (document, variables) -> {
          calls.incrementAndGet();
          return caller.execute(shop, new BucketLimits(40_000, 2_000), token, document, variables);
        };
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void readsEveryMetafieldOfProductsAndVariantsPastTheFirstPage() {
    MetafieldAuditResult result = new MetafieldAudit(graphql, OWN_APP).audit(List.of(A, B));

    assertThat(result.metafieldIds().get(A)).hasSize(600).isEqualTo(range(0, 600));
    assertThat(result.metafieldIds().get(A1)).isEqualTo(range(602, 3));
    assertThat(result.metafieldIds().get(A2)).isEmpty();
    assertThat(result.metafieldIds().get(B)).isEqualTo(range(605, 2));
    assertThat(result.metafieldIds().keySet()).containsExactly(A, A1, A2, B, B1);
    assertThat(result.metafieldsRead()).isEqualTo(605);
    // A: 250 + 250 + 100; A1, A2, B, B1: one page each.
    assertThat(result.pages()).isEqualTo(7);
    assertThat(result.namespaces()).containsExactly("app--sim-client-audit--sync", "custom");
    assertThat(result.ownersGone()).isEmpty();
  }

  @Test
  void readsVariantsPastTheFirst250() {
    MetafieldAuditResult result = new MetafieldAudit(graphql, OWN_APP).audit(List.of(C));

    assertThat(result.metafieldIds()).hasSize(1 + 260);
    String last = "gid://shopify/ProductVariant/" + (C_FIRST_VARIANT + 259);
    assertThat(result.metafieldIds().get(last)).isEqualTo(range(607, 1));
    assertThat(result.metafieldsRead()).isEqualTo(1);
  }

  @Test
  void reportsAnotherAppsNamespacesFromEveryDefinitionPage() {
    int before = calls.get();
    MetafieldAuditResult result = new MetafieldAudit(graphql, OWN_APP).audit(List.of());

    assertThat(result.notReadable())
        .containsExactly(
            new UnreadableNamespace("app--4711--reviews", 3, new TreeSet<>(Set.of("PRODUCT", "PRODUCTVARIANT"))));
    // PRODUCT: 264 definitions over two pages; PRODUCTVARIANT: one page.
    assertThat(result.requests()).isEqualTo(3).isEqualTo(calls.get() - before);
    assertThat(result.toJson().getJsonArray("notReadable").getJsonObject(0).getString("reason"))
        .isEqualTo("owned by another app: values not readable with this app's token");
  }

  @Test
  void ourOwnNamespaceIsReportedWhenOurIdIsWrong() {
    MetafieldAuditResult result = new MetafieldAudit(graphql, "1234567").audit(List.of());

    assertThat(result.notReadable())
        .extracting(UnreadableNamespace::namespace)
        .containsExactly("app--4711--reviews", "app--sim-client-audit--sync");
  }

  @Test
  void aProductThatIsGoneIsReportedAndNeverCompared() {
    String gone = "gid://shopify/Product/8999999999999";
    MetafieldAuditResult result = new MetafieldAudit(graphql, OWN_APP).audit(List.of(gone, B));

    assertThat(result.ownersGone()).containsExactly(gone);
    Map<String, Set<Long>> stored = new HashMap<>();
    stored.put(gone, Set.of(1L, 2L));
    stored.put(B, new TreeSet<>(range(605, 2)));
    stored.put(B1, Set.of());
    assertThat(result.comparedWith(stored).mismatches()).hasValue(List.of());
  }

  @Test
  void comparingWithTheDatabaseNamesMissingAndExtraPerOwner() {
    MetafieldAuditResult result = new MetafieldAudit(graphql, OWN_APP).audit(List.of(A));
    Set<Long> storedForA = new TreeSet<>(range(0, 250));
    storedForA.add(99L);
    Map<String, Set<Long>> stored = Map.of(A, storedForA, A1, new TreeSet<>(range(602, 3)));

    List<MetafieldMismatch> mismatches = result.comparedWith(stored).mismatches().orElseThrow();

    assertThat(mismatches).hasSize(1);
    assertThat(mismatches.get(0).ownerGid()).isEqualTo(A);
    assertThat(mismatches.get(0).missingInDb()).isEqualTo(range(250, 350));
    assertThat(mismatches.get(0).extraInDb()).containsExactly(99L);
  }

  /** Metafield ids {@code FIRST_METAFIELD + from} onwards, {@code count} of them. */
  private static TreeSet<Long> range(long from, long count) {
    TreeSet<Long> ids = new TreeSet<>();
    LongStream.range(from, from + count).forEach(i -> ids.add(FIRST_METAFIELD + i));
    return ids;
  }

  /** The catalog above as bulk JSONL; metafield ids are handed out in this order (A's hidden two are 600, 601). */
  private static ByteArrayInputStream catalog() {
    List<JsonObject> lines = new ArrayList<>();
    lines.add(product(A));
    for (int i = 0; i < 600; i++) {
      lines.add(metafield(A, i % 2 == 0 ? "custom" : "app--" + OWN_APP + "--sync", "k" + i));
    }
    lines.add(metafield(A, "app--4711--reviews", "rating"));
    lines.add(metafield(A, "app--4711--reviews", "count"));
    lines.add(variant(A1, A, 1));
    lines.add(variant(A2, A, 2));
    for (int i = 0; i < 3; i++) {
      lines.add(metafield(A1, "custom", "v" + i));
    }
    lines.add(product(B));
    lines.add(metafield(B, "custom", "material"));
    lines.add(metafield(B, "custom", "care"));
    lines.add(variant(B1, B, 1));
    lines.add(product(C));
    for (int i = 0; i < 260; i++) {
      lines.add(variant("gid://shopify/ProductVariant/" + (C_FIRST_VARIANT + i), C, i + 1));
    }
    lines.add(metafield("gid://shopify/ProductVariant/" + (C_FIRST_VARIANT + 259), "custom", "last"));
    StringBuilder jsonl = new StringBuilder();
    lines.forEach(line -> jsonl.append(line).append('\n'));
    return new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void defineMetafields() {
    for (int i = 0; i < 260; i++) {
      define("PRODUCT", "custom", "d" + i, null);
    }
    define("PRODUCT", "app--4711--reviews", "rating", null);
    define("PRODUCT", "app--4711--reviews", "count", null);
    define("PRODUCTVARIANT", "app--4711--reviews", "rating", null);
    define("PRODUCT", "app--4711--public", "badge", "PUBLIC_READ");
    define("PRODUCT", "app--" + OWN_APP + "--sync", "k1", null);
  }

  private static void define(String ownerType, String namespace, String key, String adminAccess) {
    simulator.control()
        .addMetafieldDefinition("audit", ownerType, namespace, key, "single_line_text_field", adminAccess);
  }

  private static JsonObject product(String gid) {
    return Json.createObjectBuilder().add("id", gid).add("title", gid).add("handle", "p" + gid.hashCode()).build();
  }

  private static JsonObject variant(String gid, String product, int position) {
    return Json.createObjectBuilder()
        .add("id", gid)
        .add("title", "V" + position)
        .add("position", position)
        .add("__parentId", product)
        .build();
  }

  private static JsonObject metafield(String owner, String namespace, String key) {
    JsonObjectBuilder m =
        Json.createObjectBuilder()
            .add("id", "gid://shopify/Metafield/" + nextMetafield++)
            .add("namespace", namespace)
            .add("key", key)
            .add("value", key)
            .add("__parentId", owner);
    return m.build();
  }
}
