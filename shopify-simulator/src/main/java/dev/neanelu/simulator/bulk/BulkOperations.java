package dev.neanelu.simulator.bulk;

import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.support.Json;
import graphql.ParseAndValidateResult;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs bulk operations: queries export the catalog to a JSONL file on disk, mutations run each line
 * of a staged upload. Enforces the 2026-01+ concurrency rule of five running operations per type
 * per shop, serves results under pre-signed-looking URLs and fires {@code bulk_operations/finish}.
 */
public final class BulkOperations implements AutoCloseable {

  /** Concurrent operations of one type per shop (API 2026-01 and later). */
  public static final int MAX_ACTIVE_PER_TYPE = 5;

  private static final Logger LOG = Logger.getLogger(BulkOperations.class.getName());

  /** A user error of the run/cancel mutations. */
  public record UserError(List<String> field, String message, String code) {}

  /** The payload of run/cancel: the operation, or user errors. */
  public record Outcome(BulkOperation operation, List<UserError> errors) {}

  /** A result file reachable by its URL token. */
  public record ResultFile(Path path, Shop shop) {}

  private final SimulatorContext context;
  private final Path dir;
  private final ExecutorService executor;
  private final Map<Long, BulkOperation> operations = new ConcurrentHashMap<>();
  private final Map<Long, Shop> owners = new ConcurrentHashMap<>();
  private final Map<String, ResultFile> files = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(4_400_000_000L);

  public BulkOperations(SimulatorContext context, Path dir) {
    this.context = context;
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "sim-bulk");
              t.setDaemon(true);
              return t;
            });
  }

  public Outcome runQuery(Shop shop, String query, boolean groupObjects) {
    BulkQueryPlan plan = BulkQueryPlan.of(context.api(), query);
    if (!plan.valid()) {
      return failure(List.of("query"), plan.error(), "INVALID");
    }
    BulkOperation op;
    synchronized (this) {
      if (active(shop, BulkOperation.Type.QUERY) >= MAX_ACTIVE_PER_TYPE) {
        return failure(
            null, "Bulk operations limit reached. Please try again later.", "LIMIT_REACHED");
      }
      op = register(shop, BulkOperation.Type.QUERY, query, groupObjects);
    }
    shop.stats().bulkQueries.incrementAndGet();
    executor.execute(() -> runExport(shop, op, plan));
    return new Outcome(op, List.of());
  }

  public Outcome runMutation(Shop shop, String mutation, String stagedUploadPath) {
    String invalid = invalidMutation(mutation);
    if (invalid != null) {
      return failure(List.of("mutation"), invalid, "INVALID_MUTATION");
    }
    Optional<Path> upload = context.uploads().file(stagedUploadPath);
    if (upload.isEmpty()) {
      return failure(
          List.of("stagedUploadPath"),
          "The JSONL file could not be found. Try uploading the file again, and check that you've"
              + " entered the URL correctly for the stagedUploadPath mutation argument.",
          "NO_SUCH_FILE");
    }
    BulkOperation op;
    synchronized (this) {
      if (active(shop, BulkOperation.Type.MUTATION) >= MAX_ACTIVE_PER_TYPE) {
        return failure(
            null, "Bulk operations limit reached. Please try again later.", "LIMIT_REACHED");
      }
      op = register(shop, BulkOperation.Type.MUTATION, mutation, false);
    }
    shop.stats().bulkMutations.incrementAndGet();
    executor.execute(() -> runMutationLines(shop, op, mutation, upload.get()));
    return new Outcome(op, List.of());
  }

  public Outcome cancel(Shop shop, long id) {
    Optional<BulkOperation> op = find(shop, id);
    if (op.isEmpty()) {
      return failure(List.of("id"), "Bulk operation does not exist", null);
    }
    if (!op.get().requestCancel()) {
      return new Outcome(
          op.get(),
          List.of(
              new UserError(
                  null,
                  "A bulk operation cannot be canceled when it is "
                      + op.get().status().name().toLowerCase(Locale.ROOT),
                  null)));
    }
    return new Outcome(op.get(), List.of());
  }

  public Optional<BulkOperation> find(Shop shop, long id) {
    BulkOperation op = operations.get(id);
    return op != null && op.shop().equals(shop.domain()) ? Optional.of(op) : Optional.empty();
  }

  /**
   * Operations of the shop matching a {@code bulkOperations(query:)} filter (status,
   * operation_type, id, created_at).
   */
  public List<BulkOperation> list(Shop shop, String query) {
    List<BulkOperation> out = new ArrayList<>();
    for (BulkOperation op : operations.values()) {
      if (op.shop().equals(shop.domain()) && BulkOperationFilter.matches(op, query)) {
        out.add(op);
      }
    }
    return out;
  }

  /**
   * The most recent operation of a type: what the deprecated {@code currentBulkOperation} returns.
   */
  public Optional<BulkOperation> latest(Shop shop, BulkOperation.Type type) {
    return list(shop, null).stream()
        .filter(op -> op.type() == type)
        .max((a, b) -> Long.compare(a.id(), b.id()));
  }

  public Optional<ResultFile> resultFile(String token) {
    return Optional.ofNullable(files.get(token));
  }

  private BulkOperation register(
      Shop shop, BulkOperation.Type type, String query, boolean groupObjects) {
    BulkOperation op =
        new BulkOperation(
            ids.incrementAndGet(),
            shop.domain(),
            type,
            query,
            groupObjects,
            context.clock().instant());
    operations.put(op.id(), op);
    owners.put(op.id(), shop);
    return op;
  }

  private int active(Shop shop, BulkOperation.Type type) {
    int n = 0;
    for (BulkOperation op : operations.values()) {
      if (op.shop().equals(shop.domain()) && op.type() == type && op.active()) {
        n++;
      }
    }
    return n;
  }

  private void runExport(Shop shop, BulkOperation op, BulkQueryPlan plan) {
    op.running();
    Path file = dir.resolve("bulk-" + op.id() + ".jsonl");
    op.file(file);
    long failAt = shop.faults().takeBulkFailure();
    Pacer pacer = new Pacer(shop.exportObjectsPerSecond());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      LineSink sink = new LineSink(out, op.groupObjects(), shop.faults());
      JsonlExport export =
          new JsonlExport(
              context.api().schema(),
              plan.root(),
              sink,
              root -> {
                if (op.cancelRequested() || (failAt >= 0 && op.objectCount() >= failAt)) {
                  throw new JsonlExport.Stop();
                }
                op.objectCount.incrementAndGet();
                if (root) {
                  op.rootObjectCount.incrementAndGet();
                }
                pacer.await(op.objectCount(), op::cancelRequested);
              });
      try {
        export.run(shop);
      } catch (JsonlExport.Stop stop) {
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "bulk export " + op.id() + " failed", e);
      finish(shop, op, "INTERNAL_SERVER_ERROR");
      return;
    }
    finish(
        shop,
        op,
        op.cancelRequested()
            ? null
            : failAt >= 0 && op.objectCount() >= failAt ? shop.faults().bulkFailErrorCode() : null);
  }

  private void runMutationLines(Shop shop, BulkOperation op, String mutation, Path input) {
    op.running();
    Path file = dir.resolve("bulk-" + op.id() + ".jsonl");
    op.file(file);
    try (var lines = Files.newBufferedReader(input);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      new BulkMutationLines(context.api(), shop, op, mutation).run(lines, out);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "bulk mutation " + op.id() + " failed", e);
      finish(shop, op, "INTERNAL_SERVER_ERROR");
      return;
    }
    finish(shop, op, null);
  }

  private void finish(Shop shop, BulkOperation op, String errorCode) {
    Instant now = context.clock().instant();
    if (op.cancelRequested()) {
      op.canceled(now);
    } else if (errorCode != null) {
      op.failed(now, errorCode, publish(op, shop, "partial"));
    } else {
      String url = op.objectCount() == 0 ? null : publish(op, shop, "bulk");
      op.completed(now, url == null ? 0 : size(op.file()), url);
    }
    context.webhooks().fire(shop, "BULK_OPERATIONS_FINISH", finishPayload(op));
  }

  /**
   * Registers the file under a fresh token; the URL looks like a signed storage URL and needs no
   * token header.
   */
  private String publish(BulkOperation op, Shop shop, String kind) {
    if (op.file() == null || !Files.exists(op.file())) {
      return null;
    }
    String token = UUID.randomUUID().toString().replace("-", "");
    files.put(token, new ResultFile(op.file(), shop));
    return context.baseUrl() + "/storage/bulk/" + token + "/" + kind + "-" + op.id() + ".jsonl";
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static Map<String, Object> finishPayload(BulkOperation op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("admin_graphql_api_id", op.gid());
    m.put("completed_at", op.completedAt() == null ? null : op.completedAt().toString());
    m.put("created_at", op.createdAt().toString());
    m.put("error_code", op.errorCode() == null ? null : op.errorCode().toLowerCase(Locale.ROOT));
    m.put("status", op.status().name().toLowerCase(Locale.ROOT));
    m.put("type", op.type().name().toLowerCase(Locale.ROOT));
    return m;
  }

  private String invalidMutation(String mutation) {
    ParseAndValidateResult result = context.api().validate(mutation);
    if (result.isFailure()) {
      return "Invalid mutation: "
          + Json.write(
              dev.neanelu.simulator.graphql.AdminApi.shopifyErrors(result.getErrors())
                  .get(0)
                  .get("message"));
    }
    List<OperationDefinition> ops =
        result.getDocument().getDefinitionsOfType(OperationDefinition.class);
    if (ops.size() != 1 || ops.get(0).getOperation() != OperationDefinition.Operation.MUTATION) {
      return "Invalid mutation: the document must hold exactly one mutation operation.";
    }
    List<Field> fields = ops.get(0).getSelectionSet().getSelectionsOfType(Field.class);
    if (fields.size() != 1) {
      return "Invalid mutation: a bulk mutation must call exactly one mutation field.";
    }
    String name = fields.get(0).getName();
    if (name.equals("bulkOperationRunMutation") || name.equals("bulkOperationRunQuery")) {
      return "Invalid mutation: " + name + " cannot be run inside a bulk operation.";
    }
    return null;
  }

  private static Outcome failure(List<String> field, String message, String code) {
    return new Outcome(null, List.of(new UserError(field, message, code)));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
