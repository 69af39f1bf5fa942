package dev.neanelu.shopify;

import java.time.Duration;

/** Receives what the caller measures per shop: calls, cost spent, throttled answers, time spent waiting. */
public interface CallObserver {

  CallObserver NONE = new CallObserver() {};

  default void called(String shop, String document, double actualCost) {}

  default void throttled(String shop, String document) {}

  default void waited(String shop, Duration wait) {}
}
