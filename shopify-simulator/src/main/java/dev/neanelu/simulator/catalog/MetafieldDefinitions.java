package dev.neanelu.simulator.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shop's metafield definitions, unique by (owner type, namespace, key) and listed in id order,
 * which is creation order.
 */
public final class MetafieldDefinitions {

  private static final long FIRST_ID = 1000;

  private final ConcurrentSkipListMap<Long, MetafieldDefinition> byId =
      new ConcurrentSkipListMap<>();
  private final Map<String, MetafieldDefinition> byKey = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(FIRST_ID);

  /**
   * Adds a definition under a fresh id (the {@code id} given is ignored).
   *
   * @return the stored definition, or empty when its (owner type, namespace, key) is taken
   */
  public synchronized Optional<MetafieldDefinition> add(MetafieldDefinition d) {
    String key = key(d.ownerType(), d.namespace(), d.key());
    if (byKey.containsKey(key)) {
      return Optional.empty();
    }
    MetafieldDefinition stored =
        new MetafieldDefinition(
            nextId.getAndIncrement(),
            d.ownerType(),
            d.namespace(),
            d.key(),
            d.name(),
            d.description(),
            d.type(),
            d.adminAccess(),
            d.pinned(),
            d.createdAt());
    byKey.put(key, stored);
    byId.put(stored.id(), stored);
    return Optional.of(stored);
  }

  public Optional<MetafieldDefinition> find(String ownerType, String namespace, String key) {
    return Optional.ofNullable(byKey.get(key(ownerType, namespace, key)));
  }

  /** Every definition, in id order. */
  public List<MetafieldDefinition> all() {
    return List.copyOf(byId.values());
  }

  /** Every definition of an owner type, in id order. */
  public List<MetafieldDefinition> of(String ownerType) {
    return byId.values().stream().filter(d -> d.ownerType().equals(ownerType)).toList();
  }

  public int size() {
    return byId.size();
  }

  private static String key(String ownerType, String namespace, String key) {
    return ownerType + "/" + namespace + "/" + key;
  }
}
