package dev.neanelu.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's time: a base clock plus an offset that tests move forward to expire tokens or
 * refill cost buckets without sleeping. Start the simulator on a fixed base clock to make bucket
 * arithmetic exact.
 */
public final class SimulatorClock extends Clock {

  private final Clock base;
  private final AtomicLong offsetNanos;

  public SimulatorClock(Clock base) {
    this(base, new AtomicLong());
  }

  private SimulatorClock(Clock base, AtomicLong offsetNanos) {
    this.base = base;
    this.offsetNanos = offsetNanos;
  }

  /** Moves simulated time forward (or back, with a negative duration). */
  public void advance(Duration by) {
    offsetNanos.addAndGet(by.toNanos());
  }

  @Override
  public Instant instant() {
    return base.instant().plusNanos(offsetNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
