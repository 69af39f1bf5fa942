package dev.neanelu.batch.catalogingest;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scalar and enum fields (lists of them included) of one schema object that the catalog export selects, and
 * those it leaves out, each with its reason. A field is left out when it is deprecated, when it has a required
 * argument without a default, when its description says it needs an access scope none of which the app requests, or
 * when it is on the caller's explicit exclusion list; the first rule that applies gives the reason. Fields are in
 * alphabetical order, so the result does not depend on how the SDL was dumped.
 *
 * @param type the object's schema name
 * @param selected the selected field names, alphabetical
 * @param omitted the fields left out, by name, with the reason
 */
record ScalarSelection(String type, List<String> selected, SortedMap<String, String> omitted) {

  // Shopify writes scope requirements into descriptions ("Requires `read_inventory` access scope."). Several
  // named scopes are read as alternatives: one granted scope is enough.
  private static final Pattern SCOPE = Pattern.compile("\\b((?:unauthenticated_)?(?:read|write)_[a-z_]+)\\b");

  ScalarSelection {
    selected = List.copyOf(selected);
    omitted = new TreeMap<>(omitted);
  }

  /**
   * Applies the rules to {@code type}.
   *
   * @param grantedScopes the access scopes the app requests
   * @param excluded explicit exclusions: field name to reason
   */
  static ScalarSelection of(GraphQLObjectType type, Set<String> grantedScopes, Map<String, String> excluded) {
    List<String> selected = new ArrayList<>();
    SortedMap<String, String> omitted = new TreeMap<>();
    List<GraphQLFieldDefinition> fields = new ArrayList<>(type.getFieldDefinitions());
    fields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
    for (GraphQLFieldDefinition field : fields) {
      if (!isScalarOrEnum(field)) {
        continue;
      }
      Optional<String> reason = reasonToOmit(field, grantedScopes, excluded);
      if (reason.isPresent()) {
        omitted.put(field.getName(), reason.get());
      } else {
        selected.add(field.getName());
      }
    }
    return new ScalarSelection(type.getName(), selected, omitted);
  }

  private static boolean isScalarOrEnum(GraphQLFieldDefinition field) {
    GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
    return type instanceof GraphQLScalarType || type instanceof GraphQLEnumType;
  }

  private static Optional<String> reasonToOmit(
      GraphQLFieldDefinition field, Set<String> grantedScopes, Map<String, String> excluded) {
    if (field.isDeprecated()) {
      return Optional.of("deprecated (" + oneLine(field.getDeprecationReason()) + ")");
    }
    for (GraphQLArgument argument : field.getArguments()) {
      if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
        return Optional.of("needs the argument `" + argument.getName() + "`, which has no default");
      }
    }
    Set<String> scopes = scopesNamedIn(field.getDescription());
    if (!scopes.isEmpty() && scopes.stream().noneMatch(grantedScopes::contains)) {
      return Optional.of("needs the access scope " + String.join(" or ", scopes) + ", which the app does not request");
    }
    return Optional.ofNullable(excluded.get(field.getName()));
  }

  /** The scopes a description names, if it speaks of access scopes at all. */
  static Set<String> scopesNamedIn(String description) {
    Set<String> scopes = new TreeSet<>();
    if (description == null || !description.toLowerCase(Locale.ROOT).contains("scope")) {
      return scopes;
    }
    Matcher m = SCOPE.matcher(description);
    while (m.find()) {
      scopes.add(m.group(1));
    }
    return scopes;
  }

  private static String oneLine(String text) {
    return text == null ? "no reason given" : text.replaceAll("\\s+", " ").trim();
  }
}
