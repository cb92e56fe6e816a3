package io.agentic.workflow.graph;

/**
 * How often a failing node is tried again. Both values are required when {@code retry} is given.
 *
 * @param maxAttempts total attempts, the first included (1..10)
 * @param backoffMs the first delay (0..1 h)
 */
public record Retry(Integer maxAttempts, Long backoffMs) {}
