package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.install.InstallService;
import dev.neanelu.simulator.graphql.AdminSchema;
import graphql.execution.RawVariables;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated catalog export query.
 *
 * <ul>
 *   <li>golden file: the committed {@code CatalogExportQuery.graphql} is exactly the generator's output;
 *   <li>shape: the literal epoch filter incremental runs replace, the {@code CatalogExport} name, at most five
 *       connections nested at most two levels below the root (Shopify's bulk limits);
 *   <li>selection: catalog fields such as Product.title/vendor/tags/status and ProductVariant.sku/price are in;
 *       deprecated fields (Product.bodyHtml, ProductVariant.taxCode) and fields with a required argument
 *       (Product.inCollection, Product.publishedOnPublication) are out, an optional argument (Product.description)
 *       is no reason to leave a field out;
 *   <li>validity against the Admin schema; the scopes the rules assume are the app's.
 * </ul>
 */
class ExportQueryGeneratorTest {

  private static final int MAX_CONNECTIONS = 5;
  private static final int MAX_NESTING = 2;

  private static GraphQLSchema schema;
  private static String generated;
  private static ExecutableNormalizedField products;

  @BeforeAll
  static void generate() {
    schema = AdminSchema.get();
    generated = ExportQueryGenerator.generate();
    products =
        ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                schema, Parser.parse(generated), null, RawVariables.emptyVariables())
            .getTopLevelFields()
            .get(0);
  }

  @Test
  void committedDocumentIsTheGeneratedOne() throws IOException {
    assertThat(committed())
        .as(
            "CatalogExportQuery.graphql differs from what ExportQueryGenerator makes of the schema;"
                + " regenerate it with: "
                + ExportQueryGenerator.REGENERATE_COMMAND)
        .isEqualTo(generated);
  }

  @Test
  void keepsTheNameAndTheFilterThatIncrementalRunsReplace() {
    String filter = "products(query: \"" + BulkExports.EPOCH_FILTER + "\")";
    assertThat(generated).containsOnlyOnce(BulkExports.EPOCH_FILTER).contains(filter);
    assertThat(generated).contains("query CatalogExport {");
    assertThat(products.getName()).isEqualTo("products");
  }

  @Test
  void staysWithinShopifysBulkLimits() {
    int[] connections = {0};
    int depth = connectionDepth(products, connections);
    assertThat(connections[0]).as("connections").isPositive().isLessThanOrEqualTo(MAX_CONNECTIONS);
    assertThat(depth - 1).as("connection levels below products").isLessThanOrEqualTo(MAX_NESTING);
  }

  @Test
  void selectsTheCatalogFieldsOfProductsAndVariants() {
    ExecutableNormalizedField product = node(products);
    ExecutableNormalizedField variant = node(child(product, "variants"));
    assertThat(names(product))
        .contains("id", "title", "vendor", "tags", "status", "productType", "handle", "descriptionHtml")
        .contains("description", "options", "seo", "variants", "metafields", "media");
    assertThat(names(variant))
        .contains("id", "sku", "price", "compareAtPrice", "barcode", "inventoryPolicy", "selectedOptions")
        .contains("metafields");
    assertThat(names(product)).containsAll(ExportQueryGenerator.select("Product").selected());
    assertThat(names(variant)).containsAll(ExportQueryGenerator.select("ProductVariant").selected());
  }

  @Test
  void leavesOutDeprecatedFieldsAndFieldsWithRequiredArguments() {
    Set<String> product = names(node(products));
    Set<String> variant = names(node(child(node(products), "variants")));
    assertThat(product).doesNotContain("bodyHtml", "totalVariants", "inCollection", "publishedOnPublication");
    assertThat(variant).doesNotContain("taxCode", "storefrontId");
    Map<String, String> omitted = ExportQueryGenerator.select("Product").omitted();
    assertThat(omitted.get("bodyHtml")).startsWith("deprecated");
    assertThat(omitted.get("inCollection")).contains("`id`");
    assertThat(ExportQueryGenerator.select("ProductVariant").omitted().get("taxCode")).startsWith("deprecated");
    assertThat(generated).contains("#   Product.bodyHtml: deprecated", "#   Product.inCollection: needs the argument");
  }

  @Test
  void isValidAgainstTheAdminSchema() {
    assertThat(new Validator().validateDocument(schema, Parser.parse(generated), Locale.ENGLISH)).isEmpty();
  }

  @Test
  void assumesTheScopesTheAppRequests() throws NoSuchFieldException {
    ConfigProperty scopes = InstallService.class.getDeclaredField("scopes").getAnnotation(ConfigProperty.class);
    assertThat(scopes.name()).isEqualTo("SHOPIFY_SCOPES");
    assertThat(Set.of(scopes.defaultValue().split(","))).isEqualTo(ExportQueryGenerator.GRANTED_SCOPES);
  }

  @Test
  void isDeterministic() {
    assertThat(ExportQueryGenerator.generate()).isEqualTo(generated);
  }

  private static String committed() throws IOException {
    try (InputStream in = BulkExports.class.getResourceAsStream("CatalogExportQuery.graphql")) {
      assertThat(in).as("CatalogExportQuery.graphql on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Connection levels below and including {@code field}; counts the connections on the way. */
  private static int connectionDepth(ExecutableNormalizedField field, int[] connections) {
    boolean connection = isConnection(field);
    if (connection) {
      connections[0]++;
    }
    int deepest = 0;
    for (ExecutableNormalizedField child : field.getChildren()) {
      deepest = Math.max(deepest, connectionDepth(child, connections));
    }
    return deepest + (connection ? 1 : 0);
  }

  private static boolean isConnection(ExecutableNormalizedField field) {
    GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType(schema));
    return GraphQLTypeUtil.simplePrint(type).endsWith("Connection");
  }

  /** The node selection of a connection written as {@code edges { node { … } }}. */
  private static ExecutableNormalizedField node(ExecutableNormalizedField connection) {
    return child(child(connection, "edges"), "node");
  }

  private static ExecutableNormalizedField child(ExecutableNormalizedField parent, String name) {
    List<ExecutableNormalizedField> matches =
        parent.getChildren().stream().filter(c -> c.getName().equals(name)).toList();
    assertThat(matches).as(parent.getName() + "." + name).hasSize(1);
    return matches.get(0);
  }

  private static Set<String> names(ExecutableNormalizedField parent) {
    Set<String> names = new TreeSet<>();
    parent.getChildren().forEach(c -> names.add(c.getName()));
    return names;
  }
}
