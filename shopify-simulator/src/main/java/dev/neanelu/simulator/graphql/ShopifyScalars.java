package dev.neanelu.simulator.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shopify's custom scalars (DateTime, UnsignedInt64, Money, URL, JSON, ...). They are lenient on
 * input and shape the output the way Shopify does: UnsignedInt64 and BigInt as JSON strings,
 * DateTime as ISO-8601 UTC seconds, JSON as is.
 */
public final class ShopifyScalars {

  private ShopifyScalars() {}

  /** Builds the scalar type for a name declared in the schema. */
  public static GraphQLScalarType scalar(String name) {
    return GraphQLScalarType.newScalar().name(name).coercing(new Lenient(name)).build();
  }

  /** Serializes an output value of the named scalar exactly as a response would carry it. */
  public static Object serialize(String scalarName, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    switch (scalarName) {
      case "UnsignedInt64",
          "BigInt",
          "ID",
          "String",
          "URL",
          "HTML",
          "Money",
          "Decimal",
          "DateTime",
          "Date",
          "FormattedString",
          "Color",
          "UtcOffset",
          "ARN",
          "StorefrontID" -> {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
      }
      default -> {
        return value;
      }
    }
  }

  /**
   * Converts a literal from a query document into plain Java values (maps, lists, strings,
   * numbers).
   */
  public static Object literal(Value<?> value, Map<String, Object> variables) {
    if (value == null || value instanceof NullValue) {
      return null;
    }
    if (value instanceof VariableReference ref) {
      return variables.get(ref.getName());
    }
    if (value instanceof StringValue s) {
      return s.getValue();
    }
    if (value instanceof IntValue i) {
      return i.getValue();
    }
    if (value instanceof FloatValue f) {
      return f.getValue();
    }
    if (value instanceof BooleanValue b) {
      return b.isValue();
    }
    if (value instanceof EnumValue e) {
      return e.getName();
    }
    if (value instanceof ArrayValue a) {
      List<Object> out = new ArrayList<>();
      a.getValues().forEach(v -> out.add(literal(v, variables)));
      return out;
    }
    if (value instanceof ObjectValue o) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (ObjectField f : o.getObjectFields()) {
        out.put(f.getName(), literal(f.getValue(), variables));
      }
      return out;
    }
    return value.toString();
  }

  /** The reverse of {@link #literal}: plain Java values back into query literals. */
  static Value<?> toLiteral(Object value) {
    if (value == null) {
      return NullValue.of();
    }
    if (value instanceof Boolean b) {
      return BooleanValue.of(b);
    }
    if (value instanceof java.math.BigInteger
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short) {
      return new IntValue(new java.math.BigInteger(value.toString()));
    }
    if (value instanceof Number n) {
      return FloatValue.of(n.doubleValue());
    }
    if (value instanceof List<?> list) {
      List<Value> values = new ArrayList<>();
      list.forEach(v -> values.add(toLiteral(v)));
      return ArrayValue.newArrayValue().values(values).build();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectValue.Builder b = ObjectValue.newObjectValue();
      map.forEach((k, v) -> b.objectField(new ObjectField(String.valueOf(k), toLiteral(v))));
      return b.build();
    }
    return StringValue.of(String.valueOf(value));
  }

  private record Lenient(String name) implements Coercing<Object, Object> {

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
      return ShopifyScalars.serialize(name, value);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
      return input;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return toLiteral(input);
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return literal(input, variables.toMap());
    }
  }
}
