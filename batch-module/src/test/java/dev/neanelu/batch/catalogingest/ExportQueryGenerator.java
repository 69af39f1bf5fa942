package dev.neanelu.batch.catalogingest;

import dev.neanelu.simulator.graphql.AdminSchema;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.TypeName;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the catalog bulk-export query ({@code CatalogExportQuery.graphql}) from the Shopify Admin schema, so that
 * "fetch everything" follows the schema instead of a hand-kept list: every scalar and enum field of {@code Product}
 * and {@code ProductVariant} that {@link ScalarSelection} keeps, plus a fixed choice of nested objects (options, SEO,
 * variants with their selected options and metafields, product metafields, media). That is five connections, two
 * levels deep: Shopify's bulk limits. The schema is the 2026-04 SDL the simulator ships.
 *
 * <p>The generated document is committed; {@code ExportQueryGeneratorTest} fails while it differs from what this
 * class produces. {@link #main} rewrites it (see {@link #REGENERATE_COMMAND}). The output is deterministic.
 */
public final class ExportQueryGenerator {

  /** Rewrites the committed document; the golden test quotes it. */
  public static final String REGENERATE_COMMAND =
      "./mvnw -B -q -pl batch-module -am process-test-classes -Pregenerate-export-query";

  /** Where the document lives, relative to the batch module. */
  static final String RESOURCE = "src/main/resources/dev/neanelu/batch/catalogingest/CatalogExportQuery.graphql";

  /** The scopes the app requests at install: the default of SHOPIFY_SCOPES. */
  static final Set<String> GRANTED_SCOPES = Set.of("read_products", "write_products");

  // Exclusions beyond ScalarSelection's rules, by type, field to reason. Every field the rules keep is valid against
  // the 2026-04 schema, passes the simulator's bulk validation and comes out of its export with a value wherever the
  // schema says non-null (ExportQueryGeneratorTest, ExportQueryBulkRunTest); these are left out as not catalog data.
  private static final String CURSOR = "a pagination cursor of the connection it was read through, not catalog data";
  private static final Map<String, Map<String, String>> EXCLUSIONS =
      Map.of("Product", Map.of("defaultCursor", CURSOR), "ProductVariant", Map.of("defaultCursor", CURSOR));

  private ExportQueryGenerator() {}

  /** Rewrites the document: at the path given as the only argument, else at {@link #RESOURCE}. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : defaultTarget();
    Files.writeString(target, generate(), StandardCharsets.UTF_8);
    System.out.println("Wrote " + target.toAbsolutePath().normalize());
  }

  /** The document, generated from the schema the simulator ships. */
  public static String generate() {
    GraphQLSchema schema = AdminSchema.get();
    ScalarSelection product = select(schema, "Product");
    ScalarSelection variant = select(schema, "ProductVariant");
    Document document =
        Document.newDocument().definition(operation(product, variant)).definition(storedMetafield()).build();
    return header(product, variant) + AstPrinter.printAst(document) + "\n";
  }

  /** The scalar and enum fields of {@code type} that the document selects. */
  static ScalarSelection select(String type) {
    return select(AdminSchema.get(), type);
  }

  private static ScalarSelection select(GraphQLSchema schema, String type) {
    return ScalarSelection.of(schema.getObjectType(type), GRANTED_SCOPES, EXCLUSIONS.get(type));
  }

  private static String header(ScalarSelection... selections) {
    StringBuilder out =
        new StringBuilder(
            """
            # GENERATED from the Shopify Admin schema %s by ExportQueryGenerator (batch-module test sources): \
            do not edit.
            # Regenerate: %s
            #
            # The bulk export of a shop's catalog (bulkOperationRunQuery, groupObjects: false): every scalar and
            # enum field of Product and ProductVariant (alphabetical) plus chosen nested objects. Five connections,
            # two levels: Shopify's bulk limits. Incremental runs replace the epoch in the products filter with the
            # last successful sync.
            #
            # Scalar and enum fields left out:
            """
                .formatted(AdminSchema.VERSION, REGENERATE_COMMAND));
    for (ScalarSelection selection : selections) {
      for (Map.Entry<String, String> omitted : selection.omitted().entrySet()) {
        // '\n', not %n: the committed file must not depend on the platform that generated it.
        out.append("#   ").append(selection.type()).append('.').append(omitted.getKey());
        out.append(": ").append(omitted.getValue()).append('\n');
      }
    }
    return out.toString();
  }

  private static OperationDefinition operation(ScalarSelection product, ScalarSelection variant) {
    Field products =
        connection(
            Field.newField("products")
                .arguments(List.of(new Argument("query", StringValue.of(BulkExports.EPOCH_FILTER)))),
            productNode(product, variant));
    return OperationDefinition.newOperationDefinition()
        .name("CatalogExport")
        .operation(OperationDefinition.Operation.QUERY)
        .selectionSet(selections(List.of(products)))
        .build();
  }

  private static List<Selection<?>> productNode(ScalarSelection product, ScalarSelection variant) {
    List<Selection<?>> node = scalars(product);
    // The nested objects are chosen, not generated: each connection costs one of Shopify's five, and merge.sql
    // stores variants, metafields and media in tables of their own.
    node.add(field("options", field("name"), field("position"), field("values")));
    node.add(field("seo", field("title"), field("description")));
    node.add(connection(Field.newField("variants"), variantNode(variant)));
    node.add(connection(Field.newField("metafields"), List.of(storedMetafieldSpread())));
    node.add(connection(Field.newField("media"), mediaNode()));
    return node;
  }

  private static List<Selection<?>> variantNode(ScalarSelection variant) {
    List<Selection<?>> node = scalars(variant);
    node.add(field("selectedOptions", field("name"), field("value")));
    node.add(connection(Field.newField("metafields"), List.of(storedMetafieldSpread())));
    return node;
  }

  private static List<Selection<?>> mediaNode() {
    InlineFragment image =
        InlineFragment.newInlineFragment()
            .typeCondition(TypeName.newTypeName("MediaImage").build())
            .selectionSet(
                selections(
                    List.of(field("createdAt"), field("image", field("url"), field("width"), field("height")))))
            .build();
    return List.of(field("id"), field("mediaContentType"), field("alt"), field("status"), image);
  }

  private static FragmentDefinition storedMetafield() {
    List<Selection<?>> fields = new ArrayList<>();
    for (String name : List.of("id", "namespace", "key", "type", "value", "createdAt", "updatedAt")) {
      fields.add(field(name));
    }
    return FragmentDefinition.newFragmentDefinition()
        .name("StoredMetafield")
        .typeCondition(TypeName.newTypeName("Metafield").build())
        .selectionSet(selections(fields))
        .build();
  }

  private static FragmentSpread storedMetafieldSpread() {
    return FragmentSpread.newFragmentSpread("StoredMetafield").build();
  }

  private static List<Selection<?>> scalars(ScalarSelection selection) {
    List<Selection<?>> fields = new ArrayList<>();
    selection.selected().forEach(name -> fields.add(field(name)));
    return fields;
  }

  /** {@code name { edges { node { … } } }}: the connection shape the bulk export flattens into lines. */
  private static Field connection(Field.Builder field, List<Selection<?>> node) {
    Field edges = field("edges", Field.newField("node").selectionSet(selections(node)).build());
    return field.selectionSet(selections(List.of(edges))).build();
  }

  private static Field field(String name, Selection<?>... children) {
    Field.Builder field = Field.newField(name);
    if (children.length > 0) {
      field.selectionSet(selections(List.of(children)));
    }
    return field.build();
  }

  private static SelectionSet selections(List<? extends Selection<?>> selections) {
    return SelectionSet.newSelectionSet().selections(new ArrayList<>(selections)).build();
  }

  private static Path defaultTarget() {
    Path module = Files.isDirectory(Path.of("batch-module")) ? Path.of("batch-module") : Path.of("");
    return module.resolve(RESOURCE);
  }
}
