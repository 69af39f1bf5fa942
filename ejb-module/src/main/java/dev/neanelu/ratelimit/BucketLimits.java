package dev.neanelu.ratelimit;

/**
 * Size and restore rate of a shop's bucket: the starting assumption from its plan, replaced by what Shopify reports
 * in {@code throttleStatus} once a response has been seen.
 */
public record BucketLimits(double maximumAvailable, double restoreRate) {

  public BucketLimits {
    if (maximumAvailable <= 0 || restoreRate <= 0) {
      throw new IllegalArgumentException("Bucket size and restore rate must be positive");
    }
  }
}
