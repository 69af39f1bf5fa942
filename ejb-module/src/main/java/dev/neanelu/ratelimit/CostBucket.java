package dev.neanelu.ratelimit;

import java.time.Duration;

/**
 * A shop's cost bucket as this application tracks it. Reservations are taken before a call is sent: a reservation
 * that exceeds what is available becomes a debt, and the caller waits exactly as long as the restore rate needs to
 * pay it back ({@code (needed - available) / restoreRate}), so callers queue in reservation order instead of
 * retrying blindly. After the call the unused part is refunded and Shopify's own numbers are adopted.
 */
public interface CostBucket {

  /**
   * Takes {@code cost} points for {@code shop}.
   *
   * @param initial the limits to assume if the shop's bucket has not been seen yet
   * @return how long to wait before sending; zero to send now
   */
  Duration reserve(String shop, double cost, BucketLimits initial);

  /**
   * Gives back {@code refund} points (requested minus actual cost, or the whole reservation when the call was not
   * executed) and, when Shopify reported its bucket, lowers the estimate to Shopify's and adopts its size and rate.
   *
   * @param observed Shopify's throttle status, or null when the response carried none
   */
  void settle(String shop, double refund, ThrottleStatus observed, BucketLimits initial);

  /** Points available now; negative while reservations are waiting. */
  double available(String shop, BucketLimits initial);

  /** A short name for logs: where the state lives. */
  String location();
}
