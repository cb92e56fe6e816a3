package io.agentic.execution.nodes.http;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.workflow.NodeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/** Test fixtures: properties and steps with fresh ids. */
final class Steps {

  private Steps() {}

  static HttpStepProperties properties(String... allowHosts) {
    return new HttpStepProperties(
        List.of(allowHosts), DataSize.ofMegabytes(10), Duration.ofSeconds(30), 5, "agentic-test");
  }

  static ExecuteStep step(Map<String, Object> input) {
    return step(input, 60_000);
  }

  static ExecuteStep step(Map<String, Object> input, long timeoutMs) {
    String executionId = UUID.randomUUID().toString();
    return new ExecuteStep(
        ExecuteStep.stepId(executionId, "call", 1),
        executionId,
        executionId,
        "wf-" + UUID.randomUUID(),
        "user-1",
        "call",
        NodeType.HTTP_REQUEST,
        1,
        input,
        timeoutMs,
        Instant.now());
  }

  static Map<String, Object> get(String url) {
    return Map.of("method", "GET", "url", url);
  }
}
