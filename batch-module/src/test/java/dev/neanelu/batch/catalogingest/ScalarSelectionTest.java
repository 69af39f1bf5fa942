package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules that pick an object's scalar and enum fields, on a small schema with one field per case.
 *
 * <ul>
 *   <li>kept: scalars, enums, lists of scalars, a field whose only argument is optional, a field naming a granted
 *       scope; objects are not scalar fields at all;
 *   <li>left out with a reason: deprecated, a required argument without default, a scope the app lacks, an explicit
 *       exclusion; a deprecated field with a required argument gives the deprecation as its reason;
 *   <li>order is alphabetical whatever the SDL's order.
 * </ul>
 */
class ScalarSelectionTest {

  private static final String SDL =
      """
      type Query { thing: Thing }
      enum Colour { RED BLUE }
      type Thing {
        summary(truncateAt: Int): String!
        id: ID!
        colour: Colour
        names: [String!]!
        child: Thing
        old: String @deprecated(reason: "Use `id`\\n instead.")
        oldWithArgument(channel: ID!): Boolean @deprecated(reason: "Gone.")
        inList(list: ID!): Boolean!
        withDefault(first: Int! = 5): Int
        \"""Requires `read_inventory` access scope.\"""
        stock: Int
        \"""Requires `read_products` or `read_inventory` access scope.\"""
        price: String
        \"""Works in read_only_mode too.\"""
        mode: String
        secret: String
      }
      """;

  private final GraphQLObjectType thing =
      new SchemaGenerator()
          .makeExecutableSchema(new SchemaParser().parse(SDL), RuntimeWiring.MOCKED_WIRING)
          .getObjectType("Thing");

  private final ScalarSelection selection =
      ScalarSelection.of(thing, Set.of("read_products", "write_products"), Map.of("secret", "private to the test"));

  @Test
  void keepsScalarAndEnumFieldsAlphabetically() {
    assertThat(selection.type()).isEqualTo("Thing");
    assertThat(selection.selected())
        .containsExactly("colour", "id", "mode", "names", "price", "summary", "withDefault");
  }

  @Test
  void leavesOutFieldsByRuleWithTheirReasons() {
    assertThat(selection.omitted())
        .containsExactly(
            entry("inList", "needs the argument `list`, which has no default"),
            entry("old", "deprecated (Use `id` instead.)"),
            entry("oldWithArgument", "deprecated (Gone.)"),
            entry("secret", "private to the test"),
            entry("stock", "needs the access scope read_inventory, which the app does not request"));
  }

  @Test
  void readsScopesOnlyWhereADescriptionSpeaksOfThem() {
    assertThat(ScalarSelection.scopesNamedIn("Requires `read_products` or `read_inventory` access scope."))
        .containsExactly("read_inventory", "read_products");
    assertThat(ScalarSelection.scopesNamedIn("Requires `unauthenticated_read_product_inventory` scope."))
        .containsExactly("unauthenticated_read_product_inventory");
    assertThat(ScalarSelection.scopesNamedIn("Works in read_only_mode too.")).isEmpty();
    assertThat(ScalarSelection.scopesNamedIn(null)).isEmpty();
  }
}
