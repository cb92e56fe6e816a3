package io.agentic.contracts.workflow;

/**
 * How often a failing step is tried again.
 *
 * @param maxAttempts total attempts, the first included (at most 10)
 * @param backoffMs the first delay; later delays grow exponentially with jitter (at most 1 h)
 */
public record RetryPolicy(int maxAttempts, long backoffMs) {}
