package dev.neanelu.batch.catalogingest;

import dev.neanelu.shopify.GraphqlDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a Relay connection to its end: the document asks for {@code first: 250} and takes {@code $after}, and each
 * page's {@code endCursor} goes back until {@code hasNextPage} is false. A single {@code first: N} read, which is
 * what peer connectors do, silently loses everything past the first page.
 */
final class ConnectionPages {

  /**
   * What one connection held.
   *
   * @param found false when the object owning the connection is null: deleted, or never there
   * @param pages the requests it took, a page each
   */
  record Read(boolean found, List<JsonObject> nodes, int pages) {}

  private final ShopGraphql graphql;

  ConnectionPages(ShopGraphql graphql) {
    this.graphql = graphql;
  }

  /** The connection {@code data.<owner>.<connection>} of the object with global id {@code gid}. */
  Read ofObject(GraphqlDocument document, String gid, String owner, String connection) {
    return read(
        document,
        Json.createObjectBuilder().add("id", gid).build(),
        data -> data.get(owner) instanceof JsonObject object ? object.get(connection) : null);
  }

  /** The top-level connection {@code data.<connection>}. */
  Read ofRoot(GraphqlDocument document, JsonObject variables, String connection) {
    return read(document, variables, data -> data.get(connection));
  }

  private Read read(GraphqlDocument document, JsonObject variables, Function<JsonObject, JsonValue> locate) {
    List<JsonObject> nodes = new ArrayList<>();
    int pages = 0;
    String after = null;
    do {
      JsonObjectBuilder page = Json.createObjectBuilder(variables);
      if (after != null) {
        page.add("after", after);
      }
      pages++;
      if (!(locate.apply(graphql.execute(document, page.build())) instanceof JsonObject connection)) {
        return new Read(false, List.of(), pages);
      }
      nodes.addAll(connection.getJsonArray("nodes").getValuesAs(JsonObject.class));
      after = next(connection.getJsonObject("pageInfo"), after, document);
    } while (after != null);
    return new Read(true, nodes, pages);
  }

  /** The cursor of the next page, or null at the end. */
  private static String next(JsonObject pageInfo, String previous, GraphqlDocument document) {
    if (!pageInfo.getBoolean("hasNextPage")) {
      return null;
    }
    String cursor = pageInfo.getString("endCursor");
    if (cursor.equals(previous)) {
      // A server that hands back the cursor it was given would keep us here for ever.
      throw new IllegalStateException(document.name() + ": Shopify returned the same endCursor twice: " + cursor);
    }
    return cursor;
  }
}
