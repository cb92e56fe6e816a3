package io.agentic.contracts.workflow;

import java.time.Instant;

/**
 * A change to a workflow, for analytics and audit. Topic {@code workflow.events.v1}, key {@code
 * workflowId}.
 *
 * @param eventId unique; consumers dedupe by it
 * @param change {@code created}, {@code updated}, {@code deleted} or {@code shared}
 */
public record WorkflowChanged(
    String eventId,
    String workflowId,
    String change,
    int version,
    String actorId,
    Instant timestamp) {}
