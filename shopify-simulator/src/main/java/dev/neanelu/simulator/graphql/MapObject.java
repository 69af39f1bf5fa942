package dev.neanelu.simulator.graphql;

import java.util.Map;

/** A small fixed object (Count, MoneyV2, PageInfo, a user error...) given as a field map. */
public record MapObject(String typeName, Map<String, ?> fields) implements GqlObject {

  public static MapObject of(String typeName, Object... keyValues) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new MapObject(typeName, m);
  }

  /** A user error as the mutation payloads carry it. */
  public static MapObject userError(
      String type, java.util.List<String> field, String message, String code) {
    return of(type, "field", field, "message", message, "code", code);
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    return fields.get(field);
  }
}
