package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.ProductOrder;
import dev.neanelu.simulator.catalog.ProductSearch;
import dev.neanelu.simulator.catalog.SortPosition;
import dev.neanelu.simulator.catalog.Variant;
import dev.neanelu.simulator.shop.Shop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The top-level {@code productVariants} connection: variants in product order then position,
 * filtered by the owning product's search terms (plus {@code sku:}), paged forwards with cursors
 * holding (product id, variant id).
 */
final class VariantListing {

  private VariantListing() {}

  static GqlObject connection(Shop shop, Map<String, Object> args) {
    int size = Connections.pageSize(args);
    String query = (String) args.get("query");
    String after = (String) args.get("after");
    SortPosition from = after == null ? null : Connections.decode(after);
    var filter = ProductSearch.parse(query == null ? null : query.replaceAll("sku:\\S+", ""));
    String sku = query == null ? null : skuTerm(query);
    List<GqlObject> nodes = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    boolean more = false;
    SortPosition start =
        from == null ? null : new SortPosition((Long) from.value() - 1, (Long) from.value() - 1);
    for (Product p :
        shop.catalog().slice(ProductOrder.ID, false, start, filter, Integer.MAX_VALUE - 1)) {
      for (Variant v : p.variants()) {
        if (from != null
            && p.id() == (Long) from.value()
            && v.position() <= positionOf(p, from.id())) {
          continue;
        }
        if (sku != null && !sku.equals(v.sku())) {
          continue;
        }
        if (nodes.size() == size) {
          more = true;
          break;
        }
        nodes.add(new VariantObject(v, p, shop.metafieldPermissions()));
        cursors.add(Connections.encode(new SortPosition(p.id(), v.id())));
      }
      if (more) {
        break;
      }
    }
    return Connections.page(nodes, cursors, more, after != null);
  }

  private static int positionOf(Product p, long variantId) {
    return p.variants().stream()
        .filter(v -> v.id() == variantId)
        .mapToInt(Variant::position)
        .findFirst()
        .orElse(0);
  }

  private static String skuTerm(String query) {
    var m = java.util.regex.Pattern.compile("sku:(\\S+)").matcher(query);
    return m.find() ? m.group(1).replace("'", "").replace("\"", "") : null;
  }
}
