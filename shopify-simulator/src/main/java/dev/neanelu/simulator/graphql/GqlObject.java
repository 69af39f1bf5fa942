package dev.neanelu.simulator.graphql;

import java.util.Map;

/**
 * An object the simulator can put into a GraphQL response. Every resolver result is one of these,
 * so the same resolution serves normal GraphQL execution (through graphql-java) and the bulk export
 * (which walks the normalized query itself and streams JSONL).
 */
public interface GqlObject {

  /**
   * The concrete schema type name, used to resolve interfaces such as {@code Node} and {@code
   * Media}.
   */
  String typeName();

  /**
   * Resolves one field.
   *
   * @param field schema field name (not the alias)
   * @param args coerced arguments, defaults included
   * @return a scalar value, an enum name, a {@link GqlObject}, a list of those, or null
   */
  Object get(String field, Map<String, Object> args);
}
