package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.bulk.BulkOperation;
import java.util.Map;

/**
 * {@code BulkOperation}; the UnsignedInt64 counters serialize as JSON strings through the scalar.
 */
public record BulkOperationObject(BulkOperation op, String statusOverride) implements GqlObject {

  public BulkOperationObject(BulkOperation op) {
    this(op, null);
  }

  /**
   * The operation as the run mutation reports it: just created, whatever the worker has done since.
   */
  public static BulkOperationObject justCreated(BulkOperation op) {
    return new BulkOperationObject(op, BulkOperation.Status.CREATED.name());
  }

  @Override
  public String typeName() {
    return "BulkOperation";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    return switch (field) {
      case "id" -> op.gid();
      case "status" -> statusOverride != null ? statusOverride : op.status().name();
      case "type" -> op.type().name();
      case "errorCode" -> op.errorCode();
      case "createdAt" -> op.createdAt();
      case "completedAt" -> op.completedAt();
      case "objectCount" -> op.objectCount();
      case "rootObjectCount" -> op.rootObjectCount();
      case "fileSize" -> op.fileSize();
      case "url" -> op.url();
      case "partialDataUrl" -> op.partialDataUrl();
      case "query" -> op.query();
      default -> null;
    };
  }
}
