package io.agentic.contracts.execution;

import java.time.Instant;

/** Run a stored, pending execution. */
public record StartExecution(String commandId, String executionId, Instant issuedAt)
    implements ExecutionCommand {}
