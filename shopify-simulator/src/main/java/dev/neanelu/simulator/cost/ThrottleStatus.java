package dev.neanelu.simulator.cost;

/** The bucket state Shopify reports in {@code extensions.cost.throttleStatus}. */
public record ThrottleStatus(
    double maximumAvailable, double currentlyAvailable, double restoreRate) {}
