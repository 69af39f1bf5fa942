package dev.neanelu.simulator.bulk;

import dev.neanelu.simulator.catalog.Gid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One bulk query or mutation and its progress, as {@code BulkOperation} reports it. */
public final class BulkOperation {

  /** Shopify's {@code BulkOperationStatus}. */
  public enum Status {
    CREATED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELING,
    CANCELED,
    EXPIRED
  }

  /** Shopify's {@code BulkOperationType}. */
  public enum Type {
    QUERY,
    MUTATION
  }

  private final long id;
  private final String shop;
  private final Type type;
  private final String query;
  private final boolean groupObjects;
  private final Instant createdAt;
  final AtomicLong objectCount = new AtomicLong();
  final AtomicLong rootObjectCount = new AtomicLong();
  private volatile Status status = Status.CREATED;
  private volatile String errorCode;
  private volatile Instant completedAt;
  private volatile Long fileSize;
  private volatile String url;
  private volatile String partialDataUrl;
  private volatile boolean cancelRequested;
  private volatile Path file;
  private final java.util.concurrent.CompletableFuture<BulkOperation> done =
      new java.util.concurrent.CompletableFuture<>();

  BulkOperation(
      long id, String shop, Type type, String query, boolean groupObjects, Instant createdAt) {
    this.id = id;
    this.shop = shop;
    this.type = type;
    this.query = query;
    this.groupObjects = groupObjects;
    this.createdAt = createdAt;
  }

  public long id() {
    return id;
  }

  public String gid() {
    return Gid.of("BulkOperation", id);
  }

  public String shop() {
    return shop;
  }

  public Type type() {
    return type;
  }

  public String query() {
    return query;
  }

  public boolean groupObjects() {
    return groupObjects;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long objectCount() {
    return objectCount.get();
  }

  public long rootObjectCount() {
    return rootObjectCount.get();
  }

  public Status status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Long fileSize() {
    return fileSize;
  }

  public String url() {
    return url;
  }

  public String partialDataUrl() {
    return partialDataUrl;
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  /** Whether the operation still holds one of the shop's concurrent slots. */
  public boolean active() {
    return status == Status.CREATED || status == Status.RUNNING || status == Status.CANCELING;
  }

  /** Completes when the operation reaches COMPLETED, FAILED or CANCELED. */
  public java.util.concurrent.CompletableFuture<BulkOperation> done() {
    return done;
  }

  Path file() {
    return file;
  }

  void file(Path value) {
    file = value;
  }

  void running() {
    status = Status.RUNNING;
  }

  synchronized boolean requestCancel() {
    if (!active()) {
      return false;
    }
    cancelRequested = true;
    status = Status.CANCELING;
    return true;
  }

  void completed(Instant at, long size, String resultUrl) {
    fileSize = size;
    url = resultUrl;
    completedAt = at;
    status = Status.COMPLETED;
    done.complete(this);
  }

  void failed(Instant at, String code, String partialUrl) {
    errorCode = code;
    partialDataUrl = partialUrl;
    completedAt = at;
    status = Status.FAILED;
    done.complete(this);
  }

  void canceled(Instant at) {
    completedAt = at;
    status = Status.CANCELED;
    done.complete(this);
  }
}
