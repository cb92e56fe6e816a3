package io.agentic.airouter.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a step must be done: bounds its retries, waits and fallbacks together. */
public record Deadline(Instant at, Clock clock) {

  public static Deadline after(Duration timeout, Clock clock) {
    return new Deadline(clock.instant().plus(timeout), clock);
  }

  /** Time left, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public boolean passed() {
    return !clock.instant().isBefore(at);
  }
}
