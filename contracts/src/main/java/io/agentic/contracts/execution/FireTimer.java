package io.agentic.contracts.execution;

import java.time.Instant;

/**
 * A durable timer came due: a DELAY ended, a retry's backoff passed, a step timed out, or the
 * execution's deadline passed.
 *
 * @param timerId unique; the orchestrator applies each timer once
 * @param kind {@code delay}, {@code backoff}, {@code timeout} or {@code deadline}
 * @param nodeId null for the execution's deadline
 */
public record FireTimer(
    String commandId,
    String executionId,
    String timerId,
    String kind,
    String nodeId,
    int attempt,
    Instant issuedAt)
    implements ExecutionCommand {}
