package io.agentic.execution.store;

import io.agentic.execution.engine.ExecutionStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which executions to list.
 *
 * @param everyone true for admins: no visibility filter
 * @param viewerId the caller: executions they started are visible
 * @param ownedWorkflows workflows the caller owns: all their executions are visible
 * @param workflowId, status, from, to optional filters ({@code from} inclusive, {@code to}
 *     exclusive, on the start time)
 * @param parentExecutionId optional: only the children of that execution
 */
public record ExecutionQuery(
    boolean everyone,
    String viewerId,
    Set<String> ownedWorkflows,
    String workflowId,
    ExecutionStatus status,
    Instant from,
    Instant to,
    String parentExecutionId,
    int page,
    int size) {}
