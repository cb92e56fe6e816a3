package io.agentic.suite.engine;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static io.agentic.suite.engine.Runs.attempts;
import static io.agentic.suite.engine.Runs.nodeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.HttpTarget;
import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Session;
import io.agentic.suite.ai.Gateway.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/executions/{id}/stop} and {@code /retry} through the gateway: a stopped run is
 * cancelled at once; a retried one runs again under the same id from where it failed or stopped,
 * keeping what completed.
 */
class StopAndRetryIT {

  private final Runs runs = new Runs();
  private final Session me = runs.newUser();
  private final HttpTarget target = SuiteAccess.allowedTarget();

  @Test
  void stopsARunningExecutionAndRefusesToStopItAgain() {
    // given an execution waiting in a ten-minute DELAY
    String id =
        runs.save(
            me,
            "Long wait",
            """
            [{"id": "in", "type": "INPUT", "data": {}},
             {"id": "pause", "type": "DELAY", "data": {"durationMs": 600000}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "'too late'"}}]
            """,
            """
            [{"source": "in", "target": "pause"}, {"source": "pause", "target": "out"}]
            """);
    String executionId = runs.start(me, id, Map.of());
    runs.awaitNode(me, executionId, "pause", "running");

    // when it is stopped
    Answer stopped = runs.stop(me, executionId);

    // then the answer is the cancelled execution, and so is every later read
    assertThat(stopped.status()).as("%s", stopped).isEqualTo(200);
    assertThat(stopped.json().path("status").asString()).isEqualTo("cancelled");
    assertThat(stopped.json().path("endTime").asString()).isNotBlank();
    assertThat(nodeStatus(stopped.json(), "in")).isEqualTo("completed");
    assertThat(nodeStatus(stopped.json(), "pause")).isEqualTo("cancelled");
    assertThat(nodeStatus(stopped.json(), "out")).isEqualTo("cancelled");
    JsonNode read = runs.get(me, executionId);
    assertThat(read.path("status").asString()).isEqualTo("cancelled");
    assertThat(read.path("outputs").size()).isZero();
    List<Event> events = runs.events(me, executionId);
    assertThat(events.getLast().type()).isEqualTo("execution.cancelled");
    assertThat(events).extracting(Event::type).doesNotContain("execution.completed");

    // and a second stop is a conflict
    assertProblem(runs.stop(me, executionId), 409, "EXECUTION_ENDED");
  }

  @Test
  void retriesAFailedExecutionFromTheFailedNodeKeepingWhatCompleted() {
    // given in -> shape -> call -> out, where the call's target answers 503 once, then 200
    String path = "/flaky/1/" + Runs.runId();
    String id =
        runs.save(
            me,
            "Retry from failed",
            """
            [{"id": "in", "type": "INPUT", "data": {"fields": {"word": "string"}}},
             {"id": "shape", "type": "TRANSFORM", "data": {"expression": "inputs.word.upperAscii()"}},
             {"id": "call", "type": "HTTP_REQUEST",
               "data": {"method": "POST", "url": "%s", "body": {"w": "{{ nodes.shape.output }}"}}},
             {"id": "out", "type": "OUTPUT",
               "data": {"value": "nodes.shape.output + ' ' + nodes.call.output.body.answer"}}]
            """
                .formatted(target.url(path)),
            """
            [{"source": "in", "target": "shape"}, {"source": "shape", "target": "call"},
             {"source": "call", "target": "out"}]
            """);
    JsonNode failed = runs.run(me, id, Map.of("word", "hello"));
    assertThat(failed.path("status").asString()).as("%s", failed).isEqualTo("failed");
    assertThat(nodeStatus(failed, "call")).isEqualTo("failed");
    String executionId = failed.path("id").asString();
    JsonNode inBefore = failed.path("nodeResults").path("in");
    JsonNode shapeBefore = failed.path("nodeResults").path("shape");

    // when it is retried
    Answer retried = runs.retry(me, executionId);

    // then it runs again under the same id and completes
    assertThat(retried.status()).as("%s", retried).isEqualTo(202);
    assertThat(retried.json().path("id").asString()).isEqualTo(executionId);
    JsonNode done = runs.awaitStatus(me, executionId, "completed");
    assertThat(done.path("outputs").path("out").asString()).isEqualTo("HELLO pong");
    assertThat(done.path("error").isMissingNode() || done.path("error").isNull()).isTrue();
    assertThat(attempts(done, "call")).isEqualTo(2);
    // the nodes that had completed were not run again
    assertThat(done.path("nodeResults").path("in")).isEqualTo(inBefore);
    assertThat(done.path("nodeResults").path("shape")).isEqualTo(shapeBefore);
    assertThat(target.requestsTo(path))
        .extracting(r -> r.header("Idempotency-Key"))
        .containsExactly(executionId + ":call:1", executionId + ":call:2");
    assertThat(target.requestsTo(path).getLast().body()).contains("HELLO");
    // and the events go on in the same stream: each node started as often as it ran
    List<Event> events = runs.events(me, executionId);
    assertThat(startsOf(events, "in")).isEqualTo(1);
    assertThat(startsOf(events, "shape")).isEqualTo(1);
    assertThat(startsOf(events, "call")).isEqualTo(2);
    assertThat(events)
        .extracting(Event::type)
        .containsSubsequence(
            "execution.started",
            "node.failed",
            "execution.failed",
            "execution.started",
            "node.completed",
            "execution.completed");
    assertThat(events.getLast().type()).isEqualTo("execution.completed");
    assertThat(events).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();

    // and a completed execution cannot be retried
    assertProblem(runs.retry(me, executionId), 409, "EXECUTION_NOT_RETRYABLE");
  }

  @Test
  void retriesAStoppedExecutionFromTheCancelledNode() {
    // given in -> call -> pause (ten minutes) -> out, stopped in the DELAY
    String path = "/echo/" + Runs.runId();
    String id =
        runs.save(
            me,
            "Retry from stopped",
            """
            [{"id": "in", "type": "INPUT", "data": {}},
             {"id": "call", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "%s"}},
             {"id": "pause", "type": "DELAY", "data": {"durationMs": 600000}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "'done'"}}]
            """
                .formatted(target.url(path)),
            """
            [{"source": "in", "target": "call"}, {"source": "call", "target": "pause"},
             {"source": "pause", "target": "out"}]
            """);
    String executionId = runs.start(me, id, Map.of());
    runs.awaitNode(me, executionId, "pause", "running");
    assertThat(runs.stop(me, executionId).status()).isEqualTo(200);

    // when it is retried
    Answer retried = runs.retry(me, executionId);

    // then the DELAY waits again, and the call that had completed is not made again
    assertThat(retried.status()).as("%s", retried).isEqualTo(202);
    JsonNode again = runs.awaitNode(me, executionId, "pause", "running");
    assertThat(again.path("status").asString()).isEqualTo("running");
    assertThat(attempts(again, "pause")).isEqualTo(2);
    assertThat(nodeStatus(again, "call")).isEqualTo("completed");
    assertThat(attempts(again, "call")).isEqualTo(1);
    assertThat(target.requestsTo(path)).hasSize(1);
    // a running execution cannot be retried; stopping it again works
    assertProblem(runs.retry(me, executionId), 409, "EXECUTION_NOT_RETRYABLE");
    assertThat(runs.stop(me, executionId).json().path("status").asString()).isEqualTo("cancelled");
  }

  private static long startsOf(List<Event> events, String nodeId) {
    return events.stream()
        .filter(e -> e.type().equals("node.started"))
        .filter(e -> nodeId.equals(e.data().path("nodeId").asString()))
        .count();
  }
}
