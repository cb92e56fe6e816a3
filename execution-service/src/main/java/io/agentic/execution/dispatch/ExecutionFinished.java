package io.agentic.execution.dispatch;

import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExecutionStatus;

/**
 * Published in this JVM when its orchestrator ends an execution (for waiting requests).
 *
 * @param state the execution as stored, as the API shows it: a waiting request answers with it
 *     instead of reading it back
 */
public record ExecutionFinished(String executionId, ExecutionStatus status, ExecutionState state) {}
