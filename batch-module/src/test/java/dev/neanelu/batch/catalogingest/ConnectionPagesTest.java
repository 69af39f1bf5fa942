package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neanelu.shopify.GraphqlDocument;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paging one connection, against scripted answers. Scenarios: each page's endCursor is sent back as {@code after}
 * until hasNextPage is false; a null owner is "not found"; a server that repeats the cursor it was given stops the
 * read instead of looping.
 */
class ConnectionPagesTest {

  private static final GraphqlDocument DOCUMENT = new GraphqlDocument("Test", "query { shop { id } }");
  private static final String PRODUCT = "gid://shopify/Product/1";
  private final List<JsonObject> sent = new ArrayList<>();

  @Test
  void followsEndCursorUntilTheLastPage() {
    List<JsonObject> answers = List.of(page(List.of("a"), "c1"), page(List.of("b"), "c2"), page(List.of(), null));

    ConnectionPages.Read read = pages(answers).ofObject(DOCUMENT, PRODUCT, "product", "metafields");

    assertThat(read.found()).isTrue();
    assertThat(read.pages()).isEqualTo(3);
    assertThat(read.nodes()).extracting(n -> n.getString("id")).containsExactly("a", "b");
    assertThat(sent).extracting(v -> v.getString("after", null)).containsExactly(null, "c1", "c2");
    assertThat(sent).allSatisfy(v -> assertThat(v.getString("id")).isEqualTo(PRODUCT));
  }

  @Test
  void aNullOwnerIsNotFound() {
    ConnectionPages.Read read =
        pages(List.of(Json.createObjectBuilder().addNull("product").build()))
            .ofObject(DOCUMENT, PRODUCT, "product", "metafields");

    assertThat(read.found()).isFalse();
    assertThat(read.pages()).isEqualTo(1);
  }

  @Test
  void aRepeatedCursorStopsTheRead() {
    JsonObject same = page(List.of(), "c");

    assertThatThrownBy(() -> pages(List.of(same, same, same)).ofObject(DOCUMENT, PRODUCT, "product", "metafields"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("same endCursor");
    assertThat(sent).hasSize(2);
  }

  /** A {@code data} object holding one page of a product's metafields; a null cursor ends the connection. */
  private static JsonObject page(List<String> ids, String endCursor) {
    JsonArrayBuilder nodes = Json.createArrayBuilder();
    ids.forEach(id -> nodes.add(Json.createObjectBuilder().add("id", id)));
    JsonObjectBuilder pageInfo = Json.createObjectBuilder().add("hasNextPage", endCursor != null);
    if (endCursor == null) {
      pageInfo.addNull("endCursor");
    } else {
      pageInfo.add("endCursor", endCursor);
    }
    JsonObjectBuilder metafields = Json.createObjectBuilder().add("nodes", nodes).add("pageInfo", pageInfo);
    return Json.createObjectBuilder().add("product", Json.createObjectBuilder().add("metafields", metafields)).build();
  }

  private ConnectionPages pages(List<JsonObject> answers) {
    return new ConnectionPages(
        (document, variables) -> {
          sent.add(variables);
          return answers.get(sent.size() - 1);
        });
  }
}
