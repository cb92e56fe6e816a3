package io.agentic.execution.engine;

import io.agentic.contracts.workflow.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The delay before the next attempt: {@code backoffMs} after the first failure, doubling after each
 * further one, plus up to 25% jitter (so retries of many executions spread out), capped.
 */
final class Backoff {

  private final RandomGenerator random;
  private final Duration max;

  Backoff(RandomGenerator random, Duration max) {
    this.random = random;
    this.max = max;
  }

  /**
   * @param failures failed attempts so far in this run (1 after the first failure)
   */
  Duration after(RetryPolicy policy, int failures) {
    double base = Math.max(0, policy.backoffMs()) * Math.pow(2, Math.max(0, failures - 1));
    double jittered = base * (1 + 0.25 * random.nextDouble());
    return Duration.ofMillis((long) Math.min(jittered, max.toMillis()));
  }
}
