package dev.neanelu.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless the heap is nearly exhausted even after collection would have run: a JVM in that state makes no
 * progress and is better restarted by the orchestrator.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

  private static final double MAX_USED = 0.95;

  @Override
  public HealthCheckResponse call() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    double used = (double) heap.getUsed() / max;
    return HealthCheckResponse.named("heap")
        .status(used < MAX_USED)
        .withData("usedBytes", heap.getUsed())
        .withData("maxBytes", max)
        .build();
  }
}
