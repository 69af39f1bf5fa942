package dev.neanelu.simulator.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminSchemaTest {

  @Test
  void loadsTheRealSchemaWithItsRootTypes() {
    var schema = AdminSchema.get();
    assertThat(schema.getQueryType().getName()).isEqualTo("QueryRoot");
    assertThat(schema.getMutationType().getFieldDefinition("bulkOperationRunQuery")).isNotNull();
    assertThat(schema.getObjectType("BulkOperation").getFieldDefinition("objectCount")).isNotNull();
  }
}
