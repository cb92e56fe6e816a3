package io.agentic.contracts.execution;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an execution's ordered event log. Topic {@code execution.events.v1}, key {@code
 * executionId}. The same entries are replayed by {@code GET /api/executions/{id}/events}.
 *
 * @param eventId {@code executionId:sequence}; consumers dedupe by it
 * @param sequence starts at 1 and grows by one within the execution
 * @param type {@code execution.started}, {@code node.started}, {@code node.completed}, {@code
 *     node.failed}, {@code node.skipped}, {@code execution.completed}, {@code execution.failed},
 *     {@code execution.cancelled}
 * @param nodeId null for execution-level events
 * @param data {@code output} or {@code error} for node events; {@code status}, {@code durationMs}
 *     and {@code error} for terminal execution events
 */
public record ExecutionProgressed(
    String eventId,
    String executionId,
    long sequence,
    String type,
    String workflowId,
    int workflowVersion,
    String userId,
    String nodeId,
    Instant timestamp,
    Map<String, Object> data) {

  /** True for the last event of an execution. */
  public boolean isTerminal() {
    return type.equals("execution.completed")
        || type.equals("execution.failed")
        || type.equals("execution.cancelled");
  }
}
