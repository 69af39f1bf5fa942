package dev.neanelu.simulator.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One shop's products, indexed by id, by update time and by handle. Reads are lock-free over
 * immutable {@link Product} records; writes are serialized so the indexes stay consistent with each
 * other.
 */
public final class Catalog {

  /** Ids for objects created through the API start here, far above generated ones. */
  private static final long FIRST_NEW_ID = 9_100_000_000_000L;

  private final ConcurrentSkipListMap<Long, Product> byId = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<SortPosition, Long> byUpdated = new ConcurrentSkipListMap<>();
  private final Map<String, Long> byHandle = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(FIRST_NEW_ID);

  public synchronized void put(Product product) {
    Product old = byId.put(product.id(), product);
    if (old != null) {
      byUpdated.remove(ProductOrder.UPDATED_AT.position(old));
      byHandle.remove(old.handle());
    }
    byUpdated.put(ProductOrder.UPDATED_AT.position(product), product.id());
    byHandle.put(product.handle(), product.id());
    nextId.accumulateAndGet(product.id() + 1, Math::max);
  }

  public synchronized Optional<Product> remove(long id) {
    Product old = byId.remove(id);
    if (old != null) {
      byUpdated.remove(ProductOrder.UPDATED_AT.position(old));
      byHandle.remove(old.handle());
    }
    return Optional.ofNullable(old);
  }

  public synchronized void clear() {
    byId.clear();
    byUpdated.clear();
    byHandle.clear();
  }

  public Optional<Product> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Product> byHandle(String handle) {
    Long id = byHandle.get(handle);
    return id == null ? Optional.empty() : get(id);
  }

  /** All products in id order; weakly consistent while writes happen. */
  public Collection<Product> all() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }

  /** A fresh id for a product, variant, metafield or media object created through the API. */
  public long newId() {
    return nextId.getAndIncrement();
  }

  /**
   * Products matching the filter, in the given order, strictly after {@code after} (null: from the
   * start), at most {@code limit + 1} of them so the caller can tell whether another page exists.
   */
  public List<Product> slice(
      ProductOrder order,
      boolean descending,
      SortPosition after,
      Predicate<Product> filter,
      int limit) {
    Iterator<Product> source = ordered(order, descending, after);
    List<Product> out = new ArrayList<>();
    while (source.hasNext() && out.size() <= limit) {
      Product p = source.next();
      if (p != null && filter.test(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private Iterator<Product> ordered(ProductOrder order, boolean descending, SortPosition after) {
    if (order == ProductOrder.ID) {
      NavigableMap<Long, Product> view = descending ? byId.descendingMap() : byId;
      return (after == null ? view : view.tailMap(after.id(), false)).values().iterator();
    }
    if (order == ProductOrder.UPDATED_AT) {
      NavigableMap<SortPosition, Long> view = descending ? byUpdated.descendingMap() : byUpdated;
      Iterator<Long> ids = (after == null ? view : view.tailMap(after, false)).values().iterator();
      return new Iterator<>() {
        public boolean hasNext() {
          return ids.hasNext();
        }

        public Product next() {
          return byId.get(ids.next());
        }
      };
    }
    // Rare sort keys: sorting on demand keeps the write path to two indexes.
    List<Product> sorted = new ArrayList<>(byId.values());
    sorted.sort(descending ? order.comparator().reversed() : order.comparator());
    if (after != null) {
      sorted.removeIf(
          p -> {
            int c = order.position(p).compareTo(after);
            return descending ? c >= 0 : c <= 0;
          });
    }
    return sorted.iterator();
  }
}
