package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.MetafieldDefinition;
import dev.neanelu.simulator.catalog.ReservedNamespace;
import dev.neanelu.simulator.shop.Shop;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code metafieldDefinitionCreate} with Shopify's ownership rules: {@code $app} shorthands resolve
 * to the app's reserved namespace, admin access may only be set there (default {@code
 * MERCHANT_READ}), and another app's reserved namespace is refused. The wording of that last error
 * is the simulator's own.
 */
final class MetafieldDefinitionMutations {

  private final Shop shop;
  private final Clock clock;

  MetafieldDefinitionMutations(Shop shop, Clock clock) {
    this.shop = shop;
    this.clock = clock;
  }

  MapObject create(Map<String, Object> args) {
    Map<?, ?> in = (Map<?, ?>) args.get("definition");
    String appId = shop.app().clientId();
    String namespace = ReservedNamespace.resolve((String) in.get("namespace"), appId);
    String owner = ReservedNamespace.owner(namespace);
    String admin = in.get("access") instanceof Map<?, ?> a ? (String) a.get("admin") : null;
    if (owner != null && !owner.equals(appId)) {
      return error(
          List.of("definition", "namespace"),
          "Namespace " + namespace + " is reserved for another app.",
          "INVALID");
    }
    if (owner == null && admin != null) {
      return error(
          List.of("definition", "access"),
          "Admin access can only be specified for app-owned metafield definitions.",
          "ADMIN_ACCESS_INPUT_NOT_ALLOWED");
    }
    Optional<MetafieldDefinition> created =
        shop.metafieldDefinitions()
            .add(
                new MetafieldDefinition(
                    0,
                    String.valueOf(in.get("ownerType")),
                    namespace,
                    (String) in.get("key"),
                    (String) in.get("name"),
                    (String) in.get("description"),
                    (String) in.get("type"),
                    admin != null ? admin : MetafieldDefinition.defaultAdminAccess(namespace),
                    Boolean.TRUE.equals(in.get("pin")),
                    clock.instant().getEpochSecond()));
    if (created.isEmpty()) {
      return error(
          List.of("definition", "key"),
          "Key is in use for "
              + in.get("ownerType")
              + " metafields on the '"
              + namespace
              + "' namespace.",
          "TAKEN");
    }
    return MapObject.of(
        "MetafieldDefinitionCreatePayload",
        "createdDefinition",
        new MetafieldDefinitionObject(created.get(), shop.catalog()),
        "userErrors",
        List.of());
  }

  private static MapObject error(List<String> field, String message, String code) {
    return MapObject.of(
        "MetafieldDefinitionCreatePayload",
        "createdDefinition",
        null,
        "userErrors",
        List.of(MapObject.userError("MetafieldDefinitionCreateUserError", field, message, code)));
  }
}
