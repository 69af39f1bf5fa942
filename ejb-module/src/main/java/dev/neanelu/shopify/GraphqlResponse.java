package dev.neanelu.shopify;

import dev.neanelu.ratelimit.ThrottleStatus;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Admin API answer: {@code data}, {@code errors} and the cost extension Shopify puts on every response.
 */
record GraphqlResponse(
    JsonObject data, List<JsonObject> errors, Double requestedCost, Double actualCost, ThrottleStatus throttle) {

  static GraphqlResponse parse(String body, String where) {
    JsonObject root;
    try {
      root = Json.createReader(new StringReader(body)).readObject();
    } catch (JsonParsingException | ClassCastException e) {
      throw new ShopifyTransientException("Unparseable answer from Shopify for " + where, e);
    }
    JsonObject cost = object(object(root, "extensions"), "cost");
    return new GraphqlResponse(
        object(root, "data"),
        errors(root),
        number(cost, "requestedQueryCost"),
        number(cost, "actualQueryCost"),
        throttle(object(cost, "throttleStatus")));
  }

  boolean throttled() {
    return codes().contains("THROTTLED");
  }

  List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (JsonObject error : errors) {
      Optional.ofNullable(object(error, "extensions"))
          .map(ext -> ext.get("code"))
          .filter(code -> code.getValueType() == JsonValue.ValueType.STRING)
          .ifPresent(code -> codes.add(((jakarta.json.JsonString) code).getString()));
    }
    return codes;
  }

  String messages() {
    List<String> messages = new ArrayList<>();
    for (JsonObject error : errors) {
      messages.add(error.getString("message", "(no message)"));
    }
    return String.join("; ", messages);
  }

  private static List<JsonObject> errors(JsonObject root) {
    JsonValue errors = root.get("errors");
    List<JsonObject> list = new ArrayList<>();
    if (errors instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonObject error) {
          list.add(error);
        }
      }
    }
    return list;
  }

  private static ThrottleStatus throttle(JsonObject status) {
    if (status == null) {
      return null;
    }
    Double max = number(status, "maximumAvailable");
    Double current = number(status, "currentlyAvailable");
    Double rate = number(status, "restoreRate");
    return max == null || current == null || rate == null || rate <= 0
        ? null
        : new ThrottleStatus(max, current, rate);
  }

  private static JsonObject object(JsonObject parent, String name) {
    return parent != null && parent.get(name) instanceof JsonObject child ? child : null;
  }

  private static Double number(JsonObject parent, String name) {
    return parent != null && parent.get(name) instanceof JsonNumber n ? n.doubleValue() : null;
  }
}
