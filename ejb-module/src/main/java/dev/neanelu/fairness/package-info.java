/**
 * Fair multi-tenant dispatch: every piece of per-shop work (catalog sync launches, token refreshes, later webhooks and
 * reconciliation) is a {@link dev.neanelu.fairness.WorkItem} in its shop's partition of a {@link
 * dev.neanelu.fairness.WorkQueue}, and a {@link dev.neanelu.fairness.Dispatcher} per JVM decides which shop runs
 * next.
 *
 * <ul>
 *   <li>Fairness: {@link dev.neanelu.fairness.FairPicker} (deficit round robin over the shops that have ready work), so
 *       a shop with 200k queued items gets one turn like a shop with 5; plain Java, shared with the benchmark.
 *   <li>Caps: at most {@link dev.neanelu.fairness.CapPolicy} items of one shop run at once across all JVMs (counted in
 *       the database at claim time), and at most the managed executor's maximum concurrency in one JVM.
 *   <li>Skipping: a shop whose {@link dev.neanelu.fairness.ShopGate} says it is blocked (empty Shopify bucket, open
 *       circuit) loses its turn until then; nobody waits for it.
 *   <li>Leases: a claimed item is leased to its dispatcher, which renews the lease by heartbeat; a crashed JVM's items
 *       return when their lease expires; failures retry with {@link dev.neanelu.fairness.Backoff} and become {@link
 *       dev.neanelu.fairness.DeadLetter}s after the item's maximum attempts. Delivery is at least once: handlers must
 *       be idempotent.
 * </ul>
 *
 * <p>{@link dev.neanelu.fairness.FairDispatch} is the application's entry point (enqueue, dead letters); features
 * contribute {@link dev.neanelu.fairness.WorkHandler}s. Implementations live in {@code fairness.internal}. Not here:
 * what the work does (its feature's package) and Shopify's limiter itself ({@code ratelimit}, {@code shopify}).
 */
package dev.neanelu.fairness;
