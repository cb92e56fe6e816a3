package io.agentic.contracts.execution;

import java.time.Instant;

/** Re-run the failed and cancelled nodes of an ended execution, and what follows them. */
public record RetryExecution(
    String commandId, String executionId, String requestedBy, Instant issuedAt)
    implements ExecutionCommand {}
