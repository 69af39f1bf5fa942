package dev.neanelu.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every GraphQL document the application sends — every {@code .graphql} file under any module's
 * {@code src/main/resources} or {@code src/test/resources}, the simulator excepted — is valid against Shopify's
 * real 2026-04 Admin schema: the file named by the system property {@code shopify.schema}, else
 * {@code ../shared/shopify-admin-schema/admin-2026-04.graphql} next to the repository, else the same file as the
 * simulator bundles it (a clone elsewhere has no {@code ../shared}). One dynamic test per document; an unknown
 * field, argument or type fails it with graphql-java's message. A sanity test proves a broken document is caught.
 */
class GraphqlDocumentsAgainstSchemaTest {

  private static final Path REPOSITORY = repositoryRoot();
  private static GraphQLSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    TypeDefinitionRegistry types = new SchemaParser().parse(schemaText());
    schema = new SchemaGenerator().makeExecutableSchema(types, RuntimeWiring.MOCKED_WIRING);
  }

  private static String schemaText() throws IOException {
    String named = System.getProperty("shopify.schema");
    if (named != null) {
      return Files.readString(Paths.get(named));
    }
    Path shared = REPOSITORY.resolve("../shared/shopify-admin-schema/admin-2026-04.graphql");
    if (Files.exists(shared)) {
      return Files.readString(shared);
    }
    try (var in = GraphqlDocumentsAgainstSchemaTest.class.getResourceAsStream("/shopify/admin-2026-04.graphql")) {
      assertThat(in).as("the simulator's bundled Admin schema").isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentIsValid() throws IOException {
    List<Path> documents = documents();
    assertThat(documents).as("GraphQL documents in the repository").isNotEmpty();
    return documents.stream()
        .map(p -> DynamicTest.dynamicTest(REPOSITORY.relativize(p).toString(), () -> assertValid(p)));
  }

  @org.junit.jupiter.api.Test
  void aBrokenDocumentIsCaught() {
    assertThat(errors("query { shop { nameOfTheShop } }")).isNotEmpty();
    assertThat(errors("query { products(firstt: 5) { nodes { id } } }")).isNotEmpty();
  }

  private static void assertValid(Path document) throws IOException {
    assertThat(errors(Files.readString(document))).as(document.toString()).isEmpty();
  }

  private static List<ValidationError> errors(String text) {
    Document document = Parser.parse(text);
    return new Validator().validateDocument(schema, document, Locale.ENGLISH);
  }

  private static List<Path> documents() throws IOException {
    try (Stream<Path> files = Files.walk(REPOSITORY)) {
      return files
          .filter(p -> p.toString().endsWith(".graphql"))
          .filter(p -> p.toString().contains("/src/main/resources/") || p.toString().contains("/src/test/resources/"))
          .filter(p -> !p.toString().contains("/shopify-simulator/") && !p.toString().contains("/target/"))
          .sorted()
          .toList();
    }
  }

  /** The directory holding the parent pom: this module's parent. */
  private static Path repositoryRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir == null ? Paths.get("..").toAbsolutePath().normalize() : dir;
  }
}
