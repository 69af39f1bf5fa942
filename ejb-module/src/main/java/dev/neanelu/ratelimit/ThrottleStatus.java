package dev.neanelu.ratelimit;

/** Shopify's view of a shop's bucket, from {@code extensions.cost.throttleStatus} of a response. */
public record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {

  public BucketLimits limits() {
    return new BucketLimits(maximumAvailable, restoreRate);
  }
}
