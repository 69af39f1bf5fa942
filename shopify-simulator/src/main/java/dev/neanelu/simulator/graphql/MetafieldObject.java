package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.Metafield;
import dev.neanelu.simulator.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code Metafield}; {@code jsonValue} is the parsed value for json types and the plain value
 * otherwise.
 */
public record MetafieldObject(Metafield metafield, String ownerType, String ownerGid)
    implements GqlObject {

  @Override
  public String typeName() {
    return "Metafield";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    Metafield m = metafield;
    return switch (field) {
      case "id" -> m.gid();
      case "legacyResourceId" -> m.id();
      case "namespace" -> m.namespace();
      case "key" -> m.key();
      case "type" -> m.type();
      case "value" -> m.value();
      case "jsonValue" -> jsonValue();
      case "ownerType" -> ownerType;
      case "compareDigest" -> digest(m.value());
      case "createdAt" -> Instant.ofEpochSecond(m.createdAt());
      case "updatedAt" -> Instant.ofEpochSecond(m.updatedAt());
      default -> null;
    };
  }

  private Object jsonValue() {
    if (metafield.type().equals("json") || metafield.type().startsWith("list.")) {
      try {
        return Json.MAPPER.readValue(metafield.value(), Object.class);
      } catch (java.io.IOException e) {
        return metafield.value();
      }
    }
    return metafield.value();
  }

  static String digest(String value) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static GqlObject connection(
      List<Metafield> all, Map<String, Object> args, String ownerType, String ownerGid) {
    Object namespace = args.get("namespace");
    Object keys = args.get("keys");
    List<Metafield> selected =
        all.stream()
            .filter(m -> namespace == null || namespace.equals(m.namespace()))
            .filter(m -> !(keys instanceof List<?> k) || k.contains(m.namespace() + "." + m.key()))
            .toList();
    return Connections.ofList(
        selected, args, Metafield::id, m -> new MetafieldObject(m, ownerType, ownerGid));
  }

  static GqlObject find(
      List<Metafield> all, Map<String, Object> args, String ownerType, String ownerGid) {
    String key = (String) args.get("key");
    String namespace = (String) args.get("namespace");
    if (namespace == null && key != null && key.contains(".")) {
      namespace = key.substring(0, key.lastIndexOf('.'));
      key = key.substring(key.lastIndexOf('.') + 1);
    }
    for (Metafield m : all) {
      if (m.key().equals(key) && (namespace == null || namespace.equals(m.namespace()))) {
        return new MetafieldObject(m, ownerType, ownerGid);
      }
    }
    return null;
  }
}
