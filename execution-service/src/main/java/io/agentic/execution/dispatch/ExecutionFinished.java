package io.agentic.execution.dispatch;

import io.agentic.execution.engine.ExecutionStatus;

/** Published in this JVM when its orchestrator ends an execution (for waiting requests). */
public record ExecutionFinished(String executionId, ExecutionStatus status) {}
