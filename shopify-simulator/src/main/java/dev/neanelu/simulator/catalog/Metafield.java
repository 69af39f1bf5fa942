package dev.neanelu.simulator.catalog;

/**
 * A metafield on a product or variant. Timestamps are epoch seconds to keep large catalogs compact.
 */
public record Metafield(
    long id,
    String namespace,
    String key,
    String type,
    String value,
    long createdAt,
    long updatedAt) {

  public String gid() {
    return Gid.of("Metafield", id);
  }

  public Metafield withValue(String newType, String newValue, long now) {
    return new Metafield(id, namespace, key, newType, newValue, createdAt, now);
  }
}
