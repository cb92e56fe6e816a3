package io.agentic.contracts.execution;

import java.time.Instant;

/** Stop an execution: running steps are abandoned, children cancelled, late results ignored. */
public record CancelExecution(
    String commandId, String executionId, String requestedBy, String reason, Instant issuedAt)
    implements ExecutionCommand {}
