package dev.neanelu.simulator.catalog;

/**
 * A place in a sorted listing: the sort value plus the id that breaks ties. Cursors encode one of
 * these.
 */
public record SortPosition(Comparable<?> value, long id) implements Comparable<SortPosition> {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compareTo(SortPosition other) {
    int byValue = ((Comparable) value).compareTo(other.value);
    return byValue != 0 ? byValue : Long.compare(id, other.id);
  }
}
