package dev.neanelu.fairness;

/**
 * Does one kind of per-shop work when the dispatcher gives that shop a turn. Features contribute implementations as
 * CDI beans ({@code @ApplicationScoped}); {@link FairDispatch} finds them by {@link #kind()}.
 *
 * <p>Delivery is at least once: an attempt whose dispatcher died runs again after its lease expires, so handlers must
 * be idempotent. A handler that starts something asynchronous (a batch job) should wait for it to end, so that the
 * shop's concurrency slot covers the whole job; the dispatcher renews the lease meanwhile. An interrupt means the
 * lease was lost: stop.
 */
public interface WorkHandler {

  /** The kind of item this handler does, e.g. {@code catalog-sync}; unique in the application. */
  String kind();

  /**
   * Does the work; returning is success, an exception a failed attempt (its class and message are kept, so never put
   * secrets in messages).
   *
   * @param item the item, with its payload and attempt number
   * @param tenant the item's tenant, through which all its database work runs
   */
  void handle(WorkItem item, TenantScope tenant) throws Exception;
}
