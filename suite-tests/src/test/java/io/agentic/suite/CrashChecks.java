package io.agentic.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.suite.GatewayClient.Answer;
import io.agentic.suite.GatewayClient.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/** What the crash tests do and check through the gateway: save, start (202), await, verify. */
final class CrashChecks {
  private CrashChecks() {}

  static String runId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static String saveWorkflow(
      GatewayClient gateway, Session me, String fixture, Map<String, String> values) {
    Answer created = gateway.post("/api/workflows", Workflows.load(fixture, values), me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** {@code POST /api/executions} without waiting: 202 and the execution's id. */
  static String start(GatewayClient gateway, Session me, String workflowId, String run) {
    Answer started =
        gateway.post(
            "/api/executions",
            Map.of("workflowId", workflowId, "inputs", Map.of("run", run)),
            me.token());
    assertThat(started.status()).as("%s", started).isEqualTo(202);
    return started.json().path("id").asString();
  }

  static JsonNode read(GatewayClient gateway, Session me, String executionId) {
    Answer read = gateway.get("/api/executions/" + executionId, me.token());
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    return read.json();
  }

  /** Polls until the execution is completed, failed or cancelled, and returns it. */
  static JsonNode awaitTerminal(
      GatewayClient gateway, Session me, String executionId, Duration limit) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    try {
      await()
          .atMost(limit)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Answer read = gateway.get("/api/executions/" + executionId, me.token());
                last.set(read.json());
                String status = read.json().path("status").asString();
                return read.status() == 200
                    && List.of("completed", "failed", "cancelled").contains(status);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "execution " + executionId + " did not end within " + limit + "; last: " + last.get(), e);
    }
    return last.get();
  }

  /** Completed, every node completed exactly once in its first attempt. */
  static void assertCompletedOnce(JsonNode execution, List<String> nodes) {
    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    for (String node : nodes) {
      JsonNode result = execution.path("nodeResults").path(node);
      assertThat(result.path("status").asString())
          .as("node %s: %s", node, result)
          .isEqualTo("completed");
      assertThat(result.path("attempts").asInt())
          .as("attempts of %s: %s", node, result)
          .isEqualTo(1);
    }
    JsonNode metrics = execution.path("metrics");
    assertThat(metrics.path("successfulNodes").asInt()).as("%s", metrics).isEqualTo(nodes.size());
    assertThat(metrics.path("totalNodes").asInt()).as("%s", metrics).isEqualTo(nodes.size());
  }

  /**
   * The target saw the execution's HTTP step once or twice (a redelivery after the crash), every
   * time under the step id {@code executionId:call:1} as its {@code Idempotency-Key}.
   */
  static void assertSideEffectAtMostTwice(HttpTarget target, String path, String executionId) {
    List<HttpTarget.Request> calls = target.requestsTo(path);
    assertThat(calls).as("calls to %s", path).hasSizeBetween(1, 2);
    assertThat(calls)
        .extracting(call -> call.header("Idempotency-Key"))
        .as("idempotency keys of the calls to %s", path)
        .containsOnly(executionId + ":call:1");
  }
}
