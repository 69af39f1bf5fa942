package dev.neanelu.fairness.internal;

import dev.neanelu.fairness.TenantScope;
import dev.neanelu.fairness.WorkHandler;
import dev.neanelu.fairness.WorkItem;
import dev.neanelu.fairness.WorkRunner;
import dev.neanelu.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs an item through the handler of its kind, inside the item's tenant. An item of a kind nobody handles fails
 * (and after its attempts becomes a dead letter) rather than blocking the queue: during a rolling deployment the
 * next attempt may land on a JVM that knows it.
 */
public final class HandlerRunner implements WorkRunner {

  private final Map<String, WorkHandler> byKind = new HashMap<>();
  private final Function<TenantId, TenantScope> scopes;

  /**
   * @param handlers the handlers, one per kind
   * @param scopes the tenant scope of an item's tenant
   */
  public HandlerRunner(Iterable<WorkHandler> handlers, Function<TenantId, TenantScope> scopes) {
    for (WorkHandler handler : handlers) {
      WorkHandler other = byKind.putIfAbsent(handler.kind(), handler);
      if (other != null) {
        throw new IllegalStateException(
            "Two handlers for work kind " + handler.kind() + ": " + other.getClass() + ", " + handler.getClass());
      }
    }
    this.scopes = scopes;
  }

  @Override
  public void run(WorkItem item) throws Exception {
    WorkHandler handler = byKind.get(item.kind());
    if (handler == null) {
      throw new IllegalStateException("No handler for work kind '" + item.kind() + "' in this application");
    }
    handler.handle(item, scopes.apply(item.tenant()));
  }
}
