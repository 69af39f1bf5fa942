package dev.neanelu.simulator.shop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected into one shop's traffic. Counted faults ("the next N requests") are
 * deterministic; the 5xx rate uses a seeded generator so a given sequence of requests always fails
 * the same way.
 */
public final class Faults {

  private volatile double serverErrorRate;
  private volatile int serverErrorStatus = 503;
  private final AtomicInteger serverErrorsNext = new AtomicInteger();
  private final AtomicInteger throttleNext = new AtomicInteger();
  private volatile long slowResponseMillis;
  private volatile long downloadResetAfterBytes = -1;
  private final AtomicInteger downloadResets = new AtomicInteger();
  private volatile long bulkFailAtObjectCount = -1;
  private volatile String bulkFailErrorCode = "INTERNAL_SERVER_ERROR";
  private volatile int exportDropEveryNthLine;
  private volatile long exportTruncateAfterLines = -1;
  private volatile int webhookDuplicates;
  private volatile boolean webhookHold;
  private SplittableRandom random = new SplittableRandom(42);

  /** Applies the keys present in a control-API body; absent keys keep their value. */
  public synchronized void apply(Map<String, ?> body) {
    body.forEach(this::set);
  }

  private void set(String key, Object value) {
    Number n = value instanceof Number num ? num : null;
    switch (key) {
      case "serverErrorRate" -> serverErrorRate = n.doubleValue();
      case "serverErrorStatus" -> serverErrorStatus = n.intValue();
      case "serverErrorsNext" -> serverErrorsNext.set(n.intValue());
      case "throttleNext" -> throttleNext.set(n.intValue());
      case "slowResponseMillis" -> slowResponseMillis = n.longValue();
      case "downloadResetAfterBytes" -> {
        downloadResetAfterBytes = n.longValue();
        downloadResets.compareAndSet(0, 1);
      }
      case "downloadResets" -> downloadResets.set(n.intValue());
      case "bulkFailAtObjectCount" -> bulkFailAtObjectCount = n.longValue();
      case "bulkFailErrorCode" -> bulkFailErrorCode = String.valueOf(value);
      case "exportDropEveryNthLine" -> exportDropEveryNthLine = n.intValue();
      case "exportTruncateAfterLines" -> exportTruncateAfterLines = n.longValue();
      case "webhookDuplicates" -> webhookDuplicates = n.intValue();
      case "webhookHold" -> webhookHold = Boolean.TRUE.equals(value);
      case "seed" -> random = new SplittableRandom(n.longValue());
      default -> throw new IllegalArgumentException("unknown fault: " + key);
    }
  }

  /** Whether this GraphQL request should fail with a 5xx; consumes a counted fault. */
  public synchronized boolean nextIsServerError() {
    if (serverErrorsNext.get() > 0) {
      serverErrorsNext.decrementAndGet();
      return true;
    }
    return serverErrorRate > 0 && random.nextDouble() < serverErrorRate;
  }

  public int serverErrorStatus() {
    return serverErrorStatus;
  }

  /** Whether this request should be throttled regardless of the bucket; consumes one. */
  public boolean nextIsThrottled() {
    return throttleNext.getAndUpdate(v -> Math.max(0, v - 1)) > 0;
  }

  public long slowResponseMillis() {
    return slowResponseMillis;
  }

  /** Bytes after which this download is cut, or -1; consumes one counted reset. */
  public long takeDownloadReset() {
    if (downloadResetAfterBytes < 0) {
      return -1;
    }
    return downloadResets.getAndUpdate(v -> Math.max(0, v - 1)) > 0 ? downloadResetAfterBytes : -1;
  }

  /** Object count at which the next bulk query fails, or -1; one-shot. */
  public synchronized long takeBulkFailure() {
    long at = bulkFailAtObjectCount;
    bulkFailAtObjectCount = -1;
    return at;
  }

  public String bulkFailErrorCode() {
    return bulkFailErrorCode;
  }

  public int exportDropEveryNthLine() {
    return exportDropEveryNthLine;
  }

  public long exportTruncateAfterLines() {
    return exportTruncateAfterLines;
  }

  public int webhookDuplicates() {
    return webhookDuplicates;
  }

  public boolean webhookHold() {
    return webhookHold;
  }

  public synchronized Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("serverErrorRate", serverErrorRate);
    m.put("serverErrorStatus", serverErrorStatus);
    m.put("serverErrorsNext", serverErrorsNext.get());
    m.put("throttleNext", throttleNext.get());
    m.put("slowResponseMillis", slowResponseMillis);
    m.put("downloadResetAfterBytes", downloadResetAfterBytes);
    m.put("downloadResets", downloadResets.get());
    m.put("bulkFailAtObjectCount", bulkFailAtObjectCount);
    m.put("bulkFailErrorCode", bulkFailErrorCode);
    m.put("exportDropEveryNthLine", exportDropEveryNthLine);
    m.put("exportTruncateAfterLines", exportTruncateAfterLines);
    m.put("webhookDuplicates", webhookDuplicates);
    m.put("webhookHold", webhookHold);
    return m;
  }
}
