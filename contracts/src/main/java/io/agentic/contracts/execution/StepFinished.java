package io.agentic.contracts.execution;

import java.time.Instant;

/**
 * The outcome of one step. Topic {@code execution.step-results.v1}, key {@code executionId}. The
 * orchestrator applies each step id's result once, and ignores results for steps it no longer waits
 * on.
 *
 * @param output the node's output when it succeeded (any JSON value)
 * @param error why it failed, null when it succeeded
 * @param usage AI calls, tokens and cost the step spent, null when none
 */
public record StepFinished(
    String stepId,
    String executionId,
    String nodeId,
    int attempt,
    boolean succeeded,
    Object output,
    StepError error,
    StepUsage usage,
    Instant startedAt,
    Instant finishedAt) {}
