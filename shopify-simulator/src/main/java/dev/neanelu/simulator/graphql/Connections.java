package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.SortPosition;
import dev.neanelu.simulator.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Relay connections the Shopify way: {@code first}/{@code last} required and at most 250, opaque
 * base64 cursors holding {@code {"last_id":…,"last_value":…}}, {@code edges}, {@code nodes} and
 * {@code pageInfo}.
 */
public final class Connections {

  /** Shopify's page-size ceiling. */
  public static final int MAX_PAGE = 250;

  /**
   * Argument marker set by the bulk exporter: bulk queries ignore {@code first} and cursors and
   * return every node.
   */
  public static final String BULK = "__bulk";

  private Connections() {}

  /** A connection page over already-selected nodes. */
  public static GqlObject page(
      List<? extends GqlObject> nodes, List<String> cursors, boolean hasNext, boolean hasPrevious) {
    List<GqlObject> edges = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      edges.add(MapObject.of("Edge", "cursor", cursors.get(i), "node", nodes.get(i)));
    }
    MapObject pageInfo =
        MapObject.of(
            "PageInfo",
            "hasNextPage",
            hasNext,
            "hasPreviousPage",
            hasPrevious,
            "startCursor",
            cursors.isEmpty() ? null : cursors.get(0),
            "endCursor",
            cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    return MapObject.of("Connection", "edges", edges, "nodes", nodes, "pageInfo", pageInfo);
  }

  /** Requested page size; an error unless exactly the Shopify rules allow it. */
  public static int pageSize(Map<String, Object> args) {
    if (args.containsKey(BULK)) {
      return Integer.MAX_VALUE - 1;
    }
    Object first = args.get("first");
    Object last = args.get("last");
    if (first == null && last == null) {
      throw new ApiError("you must provide one of first or last", null);
    }
    int size = ((Number) (first != null ? first : last)).intValue();
    if (size > MAX_PAGE || size < 0) {
      throw new ApiError(
          "The "
              + (first != null ? "first" : "last")
              + " argument must be between 0 and "
              + MAX_PAGE
              + ".",
          "BAD_REQUEST");
    }
    return size;
  }

  /** Whether the client pages backwards ({@code last}/{@code before}). */
  public static boolean backwards(Map<String, Object> args) {
    return args.get("first") == null && args.get("last") != null;
  }

  /** Pages an in-memory list (children of one object, bulk operations, subscriptions) by id. */
  public static <T> GqlObject ofList(
      List<T> items, Map<String, Object> args, ToLongFunction<T> id, Function<T, GqlObject> view) {
    int size = pageSize(args);
    boolean reverse = Boolean.TRUE.equals(args.get("reverse"));
    boolean back = backwards(args);
    List<T> ordered = new ArrayList<>(items);
    if (reverse != back) {
      Collections.reverse(ordered);
    }
    String cursor =
        args.containsKey(BULK) ? null : (String) (back ? args.get("before") : args.get("after"));
    int start = 0;
    if (cursor != null) {
      long afterId = decode(cursor).id();
      for (int i = 0; i < ordered.size(); i++) {
        if (id.applyAsLong(ordered.get(i)) == afterId) {
          start = i + 1;
        }
      }
    }
    int end = (int) Math.min(ordered.size(), (long) start + size);
    List<T> slice = ordered.subList(Math.min(start, ordered.size()), end);
    boolean more = end < ordered.size();
    List<T> pageItems = new ArrayList<>(slice);
    if (back) {
      Collections.reverse(pageItems);
    }
    List<GqlObject> nodes = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    for (T item : pageItems) {
      nodes.add(view.apply(item));
      cursors.add(encode(new SortPosition(id.applyAsLong(item), id.applyAsLong(item))));
    }
    return back
        ? page(nodes, cursors, cursor != null, more)
        : page(nodes, cursors, more, start > 0);
  }

  public static String encode(SortPosition position) {
    String json = Json.write(Map.of("last_id", position.id(), "last_value", position.value()));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor; the value comes back as a Long when it is numeric. */
  public static SortPosition decode(String cursor) {
    try {
      byte[] raw =
          Base64.getUrlDecoder()
              .decode(cursor.replace('+', '-').replace('/', '_').replace("=", ""));
      Map<String, Object> m = Json.readMap(raw);
      long id = ((Number) m.get("last_id")).longValue();
      Object value = m.get("last_value");
      Comparable<?> v =
          value instanceof Number n ? (Comparable<?>) Long.valueOf(n.longValue()) : (String) value;
      return new SortPosition(v, id);
    } catch (RuntimeException e) {
      throw new ApiError("Invalid cursor for current pagination sort.", "BAD_REQUEST");
    }
  }
}
