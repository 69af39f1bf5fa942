package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.Catalog;
import dev.neanelu.simulator.catalog.Metafield;
import dev.neanelu.simulator.catalog.MetafieldDefinition;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.ReservedNamespace;
import dev.neanelu.simulator.catalog.Variant;
import dev.neanelu.simulator.shop.Shop;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code MetafieldDefinition}, and the {@code metafieldDefinitions} connection. Definitions in
 * other apps' reserved namespaces are listed like any other: their access setting guards the
 * values, not the definition (see the README for what is not verified against Shopify).
 */
public record MetafieldDefinitionObject(MetafieldDefinition definition, Catalog catalog)
    implements GqlObject {

  @Override
  public String typeName() {
    return "MetafieldDefinition";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    MetafieldDefinition d = definition;
    return switch (field) {
      case "id" -> d.gid();
      case "name" -> d.name();
      case "namespace" -> d.namespace();
      case "key" -> d.key();
      case "description" -> d.description();
      case "ownerType" -> d.ownerType();
      case "type" -> type();
      case "access" ->
          MapObject.of(
              "MetafieldAccess",
              "admin",
              d.adminAccess(),
              "storefront",
              "NONE",
              "customerAccount",
              "NONE");
      case "capabilities" -> capabilities();
      case "validations" -> List.of();
      case "validationStatus" -> "ALL_VALID";
      case "pinnedPosition" -> d.pinned() ? 1 : null;
      case "useAsCollectionCondition" -> false;
      case "metafieldsCount" -> (int) values().count();
      default -> null;
    };
  }

  /**
   * {@code metafieldDefinitions(ownerType:, namespace:, key:, pinnedStatus:, sortKey: ID|NAME)},
   * paged by id. Arguments the simulator cannot honour are refused rather than ignored.
   */
  static GqlObject connection(Shop shop, Map<String, Object> args) {
    for (String unsupported : List.of("query", "constraintSubtype", "constraintStatus")) {
      if (args.get(unsupported) != null) {
        throw new ApiError(
            "The simulator does not implement metafieldDefinitions(" + unsupported + ":)",
            "NOT_IMPLEMENTED");
      }
    }
    String namespace =
        args.get("namespace") == null
            ? null
            : ReservedNamespace.resolve((String) args.get("namespace"), shop.app().clientId());
    String pinned = String.valueOf(args.getOrDefault("pinnedStatus", "ANY"));
    Stream<MetafieldDefinition> selected =
        shop.metafieldDefinitions().of(String.valueOf(args.get("ownerType"))).stream()
            .filter(d -> namespace == null || namespace.equals(d.namespace()))
            .filter(d -> args.get("key") == null || args.get("key").equals(d.key()))
            .filter(d -> pinned.equals("ANY") || d.pinned() == pinned.equals("PINNED"));
    return Connections.ofList(
        sorted(selected, String.valueOf(args.getOrDefault("sortKey", "ID"))),
        args,
        MetafieldDefinition::id,
        d -> new MetafieldDefinitionObject(d, shop.catalog()));
  }

  private static List<MetafieldDefinition> sorted(Stream<MetafieldDefinition> in, String sortKey) {
    return switch (sortKey) {
      case "ID" -> in.toList();
      case "NAME" ->
          in.sorted(
                  Comparator.comparing(MetafieldDefinition::name)
                      .thenComparingLong(MetafieldDefinition::id))
              .toList();
      default ->
          throw new ApiError(
              "The simulator does not implement metafieldDefinitions(sortKey: " + sortKey + ")",
              "NOT_IMPLEMENTED");
    };
  }

  /** The values under this definition, whoever may read them. */
  private Stream<Metafield> values() {
    Stream<Metafield> all =
        switch (definition.ownerType()) {
          case "PRODUCT" -> catalog.all().stream().flatMap(p -> p.metafields().stream());
          case "PRODUCTVARIANT" ->
              catalog.all().stream()
                  .map(Product::variants)
                  .flatMap(List::stream)
                  .map(Variant::metafields)
                  .flatMap(List::stream);
          default -> Stream.empty();
        };
    return all.filter(
        m -> m.namespace().equals(definition.namespace()) && m.key().equals(definition.key()));
  }

  private MapObject type() {
    return MapObject.of(
        "MetafieldDefinitionType",
        "name",
        definition.type(),
        "category",
        "TEXT",
        "supportsDefinitionMigrations",
        true,
        "supportedValidations",
        List.of());
  }

  private static MapObject capabilities() {
    MapObject off = MapObject.of("MetafieldCapability", "eligible", false, "enabled", false);
    return MapObject.of(
        "MetafieldCapabilities",
        "adminFilterable",
        MapObject.of(
            "MetafieldCapabilityAdminFilterable",
            "eligible",
            false,
            "enabled",
            false,
            "status",
            "NOT_FILTERABLE"),
        "analyticsQueryable",
        off,
        "cartToOrderCopyable",
        off,
        "smartCollectionCondition",
        off,
        "uniqueValues",
        off);
  }
}
