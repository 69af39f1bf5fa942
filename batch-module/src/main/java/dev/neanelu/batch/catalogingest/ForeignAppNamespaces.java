package dev.neanelu.batch.catalogingest;

import dev.neanelu.batch.catalogingest.MetafieldAuditResult.UnreadableNamespace;
import dev.neanelu.shopify.GraphqlDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metafield namespaces other apps reserved for themselves ({@code app--{app id}} and {@code app--{app id}--…}).
 * Their values are readable only by the owning app and the merchant, so this app's token never sees them: a sync
 * that only reads values cannot tell them from nothing. They are found through the shop's metafield definitions
 * instead. Definitions whose admin access is {@code PUBLIC_READ} or {@code PUBLIC_READ_WRITE} are readable by every
 * app and are left out; values stored without any definition cannot be found at all.
 */
final class ForeignAppNamespaces {

  /** The owner types whose definitions the catalog sync cares about. */
  static final List<String> OWNER_TYPES = List.of("PRODUCT", "PRODUCTVARIANT");

  private static final GraphqlDocument DEFINITIONS =
      GraphqlDocument.load(ForeignAppNamespaces.class, "MetafieldDefinitionsPage");
  private static final String PREFIX = "app--";

  private final String ownAppId;

  /** @param ownAppId the id Shopify puts in this app's own reserved namespaces */
  ForeignAppNamespaces(String ownAppId) {
    this.ownAppId = Objects.requireNonNull(ownAppId, "ownAppId");
  }

  /**
   * Reads every definition of {@link #OWNER_TYPES} page by page.
   *
   * @return the unreadable namespaces in name order, and the requests it took
   */
  Found find(ConnectionPages pages) {
    Map<String, Integer> definitions = new TreeMap<>();
    Map<String, SortedSet<String>> ownerTypes = new TreeMap<>();
    int requests = 0;
    for (String ownerType : OWNER_TYPES) {
      JsonObject variables = Json.createObjectBuilder().add("ownerType", ownerType).build();
      ConnectionPages.Read read = pages.ofRoot(DEFINITIONS, variables, "metafieldDefinitions");
      requests += read.pages();
      for (JsonObject definition : read.nodes()) {
        String namespace = definition.getString("namespace");
        if (unreadable(namespace, definition)) {
          definitions.merge(namespace, 1, Integer::sum);
          ownerTypes.computeIfAbsent(namespace, n -> new TreeSet<>()).add(ownerType);
        }
      }
    }
    List<UnreadableNamespace> found = new ArrayList<>();
    definitions.forEach((n, count) -> found.add(new UnreadableNamespace(n, count, ownerTypes.get(n))));
    return new Found(found, requests);
  }

  /** What {@link #find} returns. */
  record Found(List<UnreadableNamespace> namespaces, int requests) {}

  private boolean unreadable(String namespace, JsonObject definition) {
    String owner = ownerApp(namespace);
    return owner != null && !owner.equals(ownAppId) && !publiclyReadable(definition);
  }

  private static boolean publiclyReadable(JsonObject definition) {
    JsonValue access = definition.get("access");
    return access instanceof JsonObject a && a.getString("admin", "").startsWith("PUBLIC_READ");
  }

  /** The app id in an app-reserved namespace, or null when the namespace is not one. */
  static String ownerApp(String namespace) {
    if (!namespace.startsWith(PREFIX)) {
      return null;
    }
    String rest = namespace.substring(PREFIX.length());
    int end = rest.indexOf("--");
    String id = end < 0 ? rest : rest.substring(0, end);
    return id.isEmpty() ? null : id;
  }
}
