package dev.neanelu.ratelimit;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates a document's requested cost locally, with Shopify's default rules: scalars and enums 0, objects 1, a
 * connection (a field taking {@code first} or {@code last}) 2 plus the page size times one node, each mutation field
 * 10. Without the schema it cannot see manual costs Shopify sets on some fields, so the client prefers Shopify's own
 * {@code requestedQueryCost} for a document once it has seen one.
 */
public final class QueryCostEstimator {

  /** Shopify's ceiling for one query's requested cost, regardless of plan. */
  public static final int MAX_QUERY_COST = 1000;

  private static final int MUTATION_FIELD_COST = 10;
  private static final int CONNECTION_OVERHEAD = 2;

  /**
   * @param variables the call's variables, for page sizes given as {@code $first}
   * @throws graphql.parser.InvalidSyntaxException if the document does not parse
   */
  public int estimate(String document, Map<String, Object> variables) {
    Document parsed = Parser.parse(document);
    OperationDefinition operation =
        parsed.getDefinitionsOfType(OperationDefinition.class).stream()
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("The document has no operation"));
    Context context = new Context(parsed, variables);
    if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
      return MUTATION_FIELD_COST * operation.getSelectionSet().getSelections().size();
    }
    return context.selectionCost(operation.getSelectionSet());
  }

  private record Context(Document document, Map<String, Object> variables) {

    int selectionCost(SelectionSet set) {
      int total = 0;
      if (set != null) {
        for (Selection<?> selection : set.getSelections()) {
          total += cost(selection);
        }
      }
      return total;
    }

    private int cost(Selection<?> selection) {
      if (selection instanceof Field field) {
        return fieldCost(field);
      }
      if (selection instanceof InlineFragment inline) {
        return selectionCost(inline.getSelectionSet());
      }
      if (selection instanceof FragmentSpread spread) {
        return fragment(spread.getName()).map(f -> selectionCost(f.getSelectionSet())).orElse(0);
      }
      return 0;
    }

    private int fieldCost(Field field) {
      if (field.getSelectionSet() == null) {
        return 0;
      }
      Optional<Integer> pageSize = pageSize(field);
      if (pageSize.isPresent()) {
        return CONNECTION_OVERHEAD + pageSize.get() * nodeCost(field.getSelectionSet());
      }
      return 1 + selectionCost(field.getSelectionSet());
    }

    /** One node of a connection, reached through {@code edges { node }} or {@code nodes}, whichever is dearer. */
    private int nodeCost(SelectionSet connection) {
      int cost = 0;
      for (Field child : connection.getSelectionsOfType(Field.class)) {
        if (child.getName().equals("nodes")) {
          cost = Math.max(cost, 1 + selectionCost(child.getSelectionSet()));
        } else if (child.getName().equals("edges") && child.getSelectionSet() != null) {
          for (Field edgeChild : child.getSelectionSet().getSelectionsOfType(Field.class)) {
            if (edgeChild.getName().equals("node")) {
              cost = Math.max(cost, 1 + selectionCost(edgeChild.getSelectionSet()));
            }
          }
        }
      }
      return cost;
    }

    private Optional<Integer> pageSize(Field field) {
      for (Argument argument : field.getArguments()) {
        if (argument.getName().equals("first") || argument.getName().equals("last")) {
          return Optional.of(intValue(argument.getValue()));
        }
      }
      return Optional.empty();
    }

    private int intValue(Value<?> value) {
      if (value instanceof IntValue literal) {
        return literal.getValue().intValue();
      }
      if (value instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
        return n.intValue();
      }
      return 0;
    }

    private Optional<FragmentDefinition> fragment(String name) {
      return document.getDefinitionsOfType(FragmentDefinition.class).stream()
          .filter(f -> f.getName().equals(name))
          .findFirst();
    }
  }
}
