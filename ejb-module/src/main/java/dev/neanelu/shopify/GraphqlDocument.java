package dev.neanelu.shopify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A GraphQL document shipped as a {@code .graphql} class-path resource. Documents are never assembled from strings
 * in code: every one of them is validated against Shopify's schema by a unit test.
 *
 * @param name the resource's file name without extension, used in logs and metrics
 * @param text the document
 */
public record GraphqlDocument(String name, String text) {

  public GraphqlDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Loads {@code <name>.graphql} from the package of {@code anchor}.
   *
   * @throws IllegalStateException if the resource is missing: a packaging error, not a runtime condition
   */
  public static GraphqlDocument load(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name + ".graphql")) {
      if (in == null) {
        throw new IllegalStateException("GraphQL document " + name + ".graphql missing next to " + anchor.getName());
      }
      return new GraphqlDocument(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
