package dev.neanelu.batch.catalogingest;

import java.time.Duration;

/** Waits that double from one poll or retry to the next, up to a ceiling. */
final class Backoff {

  private Backoff() {}

  static Duration doubled(Duration current, Duration ceiling) {
    Duration next = current.multipliedBy(2);
    return next.compareTo(ceiling) > 0 ? ceiling : next;
  }
}
