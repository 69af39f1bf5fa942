package dev.neanelu.simulator.graphql;

import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns graphql-java's errors into the shape Shopify's GraphQL server (graphql-ruby) returns: its
 * wording, its {@code extensions.code} values ({@code undefinedField}, {@code argumentNotAccepted},
 * ...), locations, and a path that starts with the operation. Errors the table does not know keep
 * graphql-java's wording.
 */
public final class ShopifyErrors {

  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  private static final Pattern PATH = Pattern.compile("@\\[([^\\]]*)\\]");

  private ShopifyErrors() {}

  public static List<Map<String, Object>> of(List<GraphQLError> errors, String operationLabel) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (GraphQLError e : errors) {
      out.add(one(e, operationLabel));
    }
    return out;
  }

  /** A single Shopify-style error with a message and an extensions code. */
  public static Map<String, Object> error(String message, Map<String, Object> extensions) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", message);
    if (extensions != null && !extensions.isEmpty()) {
      m.put("extensions", extensions);
    }
    return m;
  }

  private static Map<String, Object> one(GraphQLError e, String operationLabel) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> ext = new LinkedHashMap<>();
    String message = e.getMessage();
    List<String> path = new ArrayList<>();
    if (e instanceof ValidationError v) {
      List<String> quoted = quoted(v.getDescription());
      path = pathOf(v.getMessage());
      message = translate(v.getValidationErrorType(), quoted, path, ext);
    } else if (e instanceof InvalidSyntaxError) {
      ext.put("code", "parseError");
      message = "Parse error: " + e.getMessage();
    }
    m.put("message", message);
    m.put("locations", locations(e.getLocations()));
    if (!path.isEmpty()) {
      List<String> full = new ArrayList<>();
      full.add(operationLabel);
      full.addAll(path);
      m.put("path", full);
    }
    if (!ext.isEmpty()) {
      m.put("extensions", ext);
    }
    return m;
  }

  private static String translate(
      graphql.validation.ValidationErrorClassification type,
      List<String> q,
      List<String> path,
      Map<String, Object> ext) {
    String field = path.isEmpty() ? "" : path.get(path.size() - 1);
    if (type == ValidationErrorType.FieldUndefined && q.size() >= 2) {
      ext.put("code", "undefinedField");
      ext.put("typeName", q.get(1));
      ext.put("fieldName", q.get(0));
      return "Field '" + q.get(0) + "' doesn't exist on type '" + q.get(1) + "'";
    }
    if (type == ValidationErrorType.UnknownArgument && !q.isEmpty()) {
      ext.put("code", "argumentNotAccepted");
      ext.put("name", field);
      ext.put("typeName", "Field");
      ext.put("argumentName", q.get(0));
      return "Field '" + field + "' doesn't accept argument '" + q.get(0) + "'";
    }
    if (type == ValidationErrorType.UnknownType && !q.isEmpty()) {
      ext.put("code", "undefinedType");
      ext.put("typeName", q.get(0));
      return "No such type " + q.get(0) + ", so it can't be a fragment condition";
    }
    if (type == ValidationErrorType.MissingFieldArgument && !q.isEmpty()) {
      ext.put("code", "missingRequiredArguments");
      ext.put("className", "Field");
      ext.put("name", field);
      ext.put("arguments", q.get(0));
      return "Field '" + field + "' is missing required arguments: " + q.get(0);
    }
    if (type == ValidationErrorType.SubselectionRequired && q.size() >= 2) {
      ext.put("code", "selectionMismatch");
      ext.put("nodeName", "field '" + q.get(1) + "'");
      ext.put("typeName", q.get(0));
      return "Field must have selections (field '"
          + q.get(1)
          + "' returns "
          + q.get(0)
          + " but has no selections. Did you mean '"
          + q.get(1)
          + " { ... }'?)";
    }
    if (type == ValidationErrorType.SubselectionNotAllowed && q.size() >= 2) {
      ext.put("code", "selectionMismatch");
      ext.put("nodeName", "field '" + q.get(1) + "'");
      ext.put("typeName", q.get(0));
      return "Selections can't be made on scalars (field '"
          + q.get(1)
          + "' returns "
          + q.get(0)
          + ")";
    }
    ext.put("code", lowerCamel(type.toString()));
    return q.isEmpty() ? type.toString() : stripPrefix(type, q);
  }

  private static String stripPrefix(
      graphql.validation.ValidationErrorClassification type, List<String> q) {
    return type + ": " + String.join(", ", q);
  }

  private static List<String> quoted(String description) {
    List<String> out = new ArrayList<>();
    Matcher m = QUOTED.matcher(description == null ? "" : description);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> pathOf(String message) {
    Matcher m = PATH.matcher(message == null ? "" : message);
    if (!m.find() || m.group(1).isEmpty()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(List.of(m.group(1).split("/")));
  }

  private static List<Map<String, Object>> locations(List<SourceLocation> locations) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (locations != null) {
      for (SourceLocation l : locations) {
        out.add(Map.of("line", l.getLine(), "column", l.getColumn()));
      }
    }
    return out;
  }

  private static String lowerCamel(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
