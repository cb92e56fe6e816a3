package io.agentic.suite.engine;

import static io.agentic.suite.engine.Runs.attempts;
import static io.agentic.suite.engine.Runs.errorCode;
import static io.agentic.suite.engine.Runs.logsOf;
import static io.agentic.suite.engine.Runs.nodeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.HttpTarget;
import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A node's {@code retry: {maxAttempts, backoffMs}} and {@code timeoutMs}: which failures are tried
 * again, how many times, each attempt a step of its own ({@code executionId:nodeId:attempt}).
 */
class RetriesAndTimeoutsIT {

  private final Runs runs = new Runs();
  private final Session me = runs.newUser();
  private final HttpTarget target = SuiteAccess.allowedTarget();

  /** INPUT {url} -> HTTP_REQUEST (url, the node fields given) -> OUTPUT the call's status. */
  private String callWorkflow(String nodeFields) {
    return runs.save(
        me,
        "Retried call",
        """
        [{"id": "in", "type": "INPUT", "data": {"fields": {"url": "string"}}},
         {"id": "call", "type": "HTTP_REQUEST", %s,
           "data": {"method": "POST", "url": "{{ inputs.url }}", "body": {"x": 1}}},
         {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.call.output.status"}}]
        """
            .formatted(nodeFields),
        """
        [{"source": "in", "target": "call"}, {"source": "call", "target": "out"}]
        """);
  }

  @Test
  void retriesA503WithBackoffUntilItSucceeds() {
    // given a call whose target answers 503 twice, then 200
    String id = callWorkflow("\"retry\": {\"maxAttempts\": 3, \"backoffMs\": 5}");
    String path = "/flaky/2/" + Runs.runId();

    // when
    JsonNode execution = runs.run(me, id, Map.of("url", target.url(path)));

    // then the third attempt succeeded, each attempt a step of its own
    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    assertThat(execution.path("outputs").path("out").asInt()).isEqualTo(200);
    assertThat(attempts(execution, "call")).isEqualTo(3);
    String executionId = execution.path("id").asString();
    List<HttpTarget.Request> calls = target.requestsTo(path);
    assertThat(calls)
        .extracting(c -> c.header("Idempotency-Key"))
        .containsExactly(executionId + ":call:1", executionId + ":call:2", executionId + ":call:3");
    List<String> logs = logsOf(execution, "call");
    assertThat(logs).anySatisfy(m -> assertThat(m).contains("Attempt 1 failed (HTTP_STATUS"));
    assertThat(logs).anySatisfy(m -> assertThat(m).contains("Attempt 2 failed (HTTP_STATUS"));
    assertThat(logs).noneSatisfy(m -> assertThat(m).contains("Attempt 3 failed"));
  }

  @Test
  void failsTheNodeOnceEveryAttemptIsSpent() {
    String id = callWorkflow("\"retry\": {\"maxAttempts\": 3, \"backoffMs\": 1}");
    String path = "/status/503/" + Runs.runId();

    JsonNode execution = runs.run(me, id, Map.of("url", target.url(path)));

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("failed");
    assertThat(nodeStatus(execution, "call")).isEqualTo("failed");
    assertThat(errorCode(execution, "call")).isEqualTo("HTTP_STATUS");
    assertThat(attempts(execution, "call")).isEqualTo(3);
    assertThat(target.requestsTo(path)).hasSize(3);
    assertThat(execution.path("error").path("nodeId").asString()).isEqualTo("call");
  }

  @Test
  void doesNotRetryAnAnswerThatWillNotChange() {
    // a 404 is not among what retry applies to (429, 5xx, timeouts, connection errors)
    String id = callWorkflow("\"retry\": {\"maxAttempts\": 3, \"backoffMs\": 1}");
    String path = "/status/404/" + Runs.runId();

    JsonNode execution = runs.run(me, id, Map.of("url", target.url(path)));

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("failed");
    assertThat(errorCode(execution, "call")).isEqualTo("HTTP_STATUS");
    assertThat(attempts(execution, "call")).isEqualTo(1);
    assertThat(target.requestsTo(path)).hasSize(1);
    assertThat(logsOf(execution, "call"))
        .noneSatisfy(m -> assertThat(m).contains("Attempt 1 failed"));
  }

  @Test
  void retriesA429() {
    String id = callWorkflow("\"retry\": {\"maxAttempts\": 2, \"backoffMs\": 1}");
    String path = "/status/429/" + Runs.runId();

    JsonNode execution = runs.run(me, id, Map.of("url", target.url(path)));

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("failed");
    assertThat(attempts(execution, "call")).isEqualTo(2);
    assertThat(target.requestsTo(path)).hasSize(2);
  }

  @Test
  void timesOutASlowCallAndRetriesTheTimeout() {
    // given a call answering after 150 ms, under a node timeout of 20 ms, two attempts
    String id =
        callWorkflow("\"timeoutMs\": 20, \"retry\": {\"maxAttempts\": 2, \"backoffMs\": 1}");
    String path = "/slow/" + Runs.runId();

    // when
    JsonNode execution = runs.run(me, id, Map.of("url", target.url(path)));

    // then both attempts timed out and the node failed with TIMEOUT
    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("failed");
    assertThat(nodeStatus(execution, "call")).isEqualTo("failed");
    assertThat(errorCode(execution, "call"))
        .as("%s", execution.path("nodeResults").path("call"))
        .isEqualTo("TIMEOUT");
    assertThat(attempts(execution, "call")).isEqualTo(2);
    assertThat(logsOf(execution, "call"))
        .anySatisfy(m -> assertThat(m).contains("Attempt 1 failed (TIMEOUT"));
    assertThat(execution.path("error").path("code").asString()).isEqualTo("TIMEOUT");
  }

  @Test
  void aTimeoutLongEnoughLetsTheSlowCallFinish() {
    String id = callWorkflow("\"timeoutMs\": 20000");
    String path = "/slow/" + Runs.runId();

    JsonNode execution = runs.run(me, id, Map.of("url", target.url(path)));

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    assertThat(execution.path("outputs").path("out").asInt()).isEqualTo(200);
    assertThat(attempts(execution, "call")).isEqualTo(1);
  }
}
