package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.Gid;
import dev.neanelu.simulator.catalog.Metafield;
import dev.neanelu.simulator.catalog.ReservedNamespace;
import dev.neanelu.simulator.shop.Shop;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metafield upserts shared by productSet, productUpdate and metafieldsSet, with Shopify's namespace
 * rules.
 */
final class MetafieldWrites {

  private final Shop shop;
  private final Clock clock;

  MetafieldWrites(Shop shop, Clock clock) {
    this.shop = shop;
    this.clock = clock;
  }

  /** Omitted namespaces land in the app-reserved one, {@code app--{client id}}. */
  String namespace(Map<?, ?> in) {
    return ReservedNamespace.resolve((String) in.get("namespace"), shop.app().clientId());
  }

  /** Sets metafields by (namespace, key) or id, keeping ids of existing ones. */
  List<Metafield> upsert(List<Metafield> current, List<?> inputs) {
    List<Metafield> out = new ArrayList<>(current);
    long now = clock.instant().getEpochSecond();
    for (Object o : inputs) {
      Map<?, ?> in = (Map<?, ?>) o;
      String namespace = in.get("namespace") == null ? null : namespace(in);
      String key = (String) in.get("key");
      int index = -1;
      for (int i = 0; i < out.size(); i++) {
        Metafield m = out.get(i);
        boolean byId = in.get("id") != null && m.id() == Gid.id((String) in.get("id"));
        if (byId || (m.key().equals(key) && m.namespace().equals(namespace))) {
          index = i;
        }
      }
      String value = String.valueOf(in.get("value"));
      if (index >= 0) {
        Metafield m = out.get(index);
        out.set(
            index,
            m.withValue(in.get("type") != null ? (String) in.get("type") : m.type(), value, now));
      } else {
        out.add(
            new Metafield(
                shop.catalog().newId(),
                namespace == null ? "custom" : namespace,
                key,
                in.get("type") != null ? (String) in.get("type") : "single_line_text_field",
                value,
                now,
                now));
      }
    }
    return out;
  }
}
