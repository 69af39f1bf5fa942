package dev.neanelu.batch.catalogingest;

import dev.neanelu.shopify.GraphqlDocument;
import jakarta.json.JsonObject;

/**
 * One shop's Admin GraphQL API as a read-only check needs it: a document and its variables in, the response's
 * {@code data} out, failures thrown typed by the caller ({@code ShopifyException} in production). In the job it is
 * {@code (document, variables) -> shopify.execute(domain, document, variables)}; tests bind it to the simulator
 * without an application server.
 */
@FunctionalInterface
public interface ShopGraphql {

  JsonObject execute(GraphqlDocument document, JsonObject variables);
}
