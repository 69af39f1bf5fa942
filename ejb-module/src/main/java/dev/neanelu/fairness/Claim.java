package dev.neanelu.fairness;

import java.util.Objects;

/**
 * The answer to a claim for one shop: an item leased to the claimer, or why there is none.
 *
 * @param status what happened
 * @param item the leased item when {@code status} is {@link Status#CLAIMED}, otherwise null
 */
public record Claim(Status status, WorkItem item) {

  /** Why a claim did or did not yield an item. */
  public enum Status {
    /** An item is now leased to the claimer. */
    CLAIMED,
    /** The shop already runs as many items as its cap allows, in any JVM. */
    AT_CAP,
    /** The shop has no ready item in this queue. */
    EMPTY
  }

  public Claim {
    Objects.requireNonNull(status, "status");
    if ((status == Status.CLAIMED) != (item != null)) {
      throw new IllegalArgumentException("An item comes with CLAIMED and only with it");
    }
  }

  public static Claim claimed(WorkItem item) {
    return new Claim(Status.CLAIMED, item);
  }

  public static Claim atCap() {
    return new Claim(Status.AT_CAP, null);
  }

  public static Claim empty() {
    return new Claim(Status.EMPTY, null);
  }
}
