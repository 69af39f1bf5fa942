package dev.neanelu.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shopify's default cost rules on sample documents: scalars 0, objects 1, connections 2 + page size × node cost
 * (literal or variable page size, edges/node or nodes), nested connections multiply, fragments count, mutations 10
 * per root field.
 */
class QueryCostEstimatorTest {

  private final QueryCostEstimator estimator = new QueryCostEstimator();

  @Test
  void scalarsOnAnObjectCostOne() {
    assertThat(estimator.estimate("{ shop { name id } }", Map.of())).isEqualTo(1);
  }

  @Test
  void aConnectionCostsTwoPlusPageTimesNode() {
    assertThat(estimator.estimate("{ products(first: 50) { edges { node { id title } } } }", Map.of()))
        .isEqualTo(2 + 50);
    assertThat(estimator.estimate("query($n: Int) { products(first: $n) { nodes { id } } }", Map.of("n", 10)))
        .isEqualTo(2 + 10);
  }

  @Test
  void nestedConnectionsMultiply() {
    String doc =
        "{ products(first: 10) { nodes { id variants(first: 5) { nodes { id sku } } } } }";
    assertThat(estimator.estimate(doc, Map.of())).isEqualTo(2 + 10 * (1 + 2 + 5));
  }

  @Test
  void fragmentsAreCounted() {
    String doc = "{ shop { ...S } } fragment S on Shop { billingAddress { city } }";
    assertThat(estimator.estimate(doc, Map.of())).isEqualTo(1 + 1);
  }

  @Test
  void mutationsCostTenPerRootField() {
    assertThat(estimator.estimate("mutation { a: bulkOperationCancel(id: \"1\") { userErrors { message } } }", Map.of()))
        .isEqualTo(10);
  }

  @Test
  void oversizedPagesExceedTheLimit() {
    String doc = "{ products(first: 250) { nodes { id variants(first: 250) { nodes { id } } } } }";
    assertThat(estimator.estimate(doc, Map.of())).isGreaterThan(QueryCostEstimator.MAX_QUERY_COST);
  }
}
