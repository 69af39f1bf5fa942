package dev.neanelu.token;

import java.util.Optional;

/**
 * One way of obtaining a new pair for a shop, run under the shop's token lock: {@link #due} is asked again on the
 * credentials read under the lock, so a JVM that waited while another one renewed finds nothing left to do.
 */
public interface Renewal {

  /** A name for logs, metrics and the single-flight key. */
  String name();

  boolean due(Optional<OfflineToken> current);

  /** Asks Shopify for the new pair. */
  OfflineToken obtain(Optional<OfflineToken> current);
}
