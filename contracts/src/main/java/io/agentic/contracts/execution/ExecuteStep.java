package io.agentic.contracts.execution;

import io.agentic.contracts.workflow.NodeType;
import java.time.Instant;
import java.util.Map;

/**
 * Work for a step worker. Topics {@code execution.steps.ai.v1}, {@code .http.v1} and {@code
 * .database.v1}, key {@code executionId}. Delivery is at least once: workers answer a step they
 * already finished with its recorded result.
 *
 * @param stepId {@code executionId:nodeId:attempt}; also the {@code Idempotency-Key} sent outside
 * @param input the node's {@code data} with every template already resolved
 * @param timeoutMs how long the step may take, retries and fallbacks included
 */
public record ExecuteStep(
    String stepId,
    String executionId,
    String rootExecutionId,
    String workflowId,
    String userId,
    String nodeId,
    NodeType nodeType,
    int attempt,
    Map<String, Object> input,
    long timeoutMs,
    Instant dispatchedAt) {

  /** The step id for a node's attempt. */
  public static String stepId(String executionId, String nodeId, int attempt) {
    return executionId + ":" + nodeId + ":" + attempt;
  }
}
