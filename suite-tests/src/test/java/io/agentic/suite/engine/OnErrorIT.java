package io.agentic.suite.engine;

import static io.agentic.suite.engine.Runs.attempts;
import static io.agentic.suite.engine.Runs.errorCode;
import static io.agentic.suite.engine.Runs.nodeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.HttpTarget;
import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a failed node's {@code onError} does to the run: fail (the default), continue, branch. */
class OnErrorIT {

  private final Runs runs = new Runs();
  private final Session me = runs.newUser();
  private final HttpTarget target = SuiteAccess.allowedTarget();

  @Test
  void failByDefaultEndsTheExecutionAndCancelsWhatIsStillRunningOrWaiting() {
    // given a failing call beside a long DELAY
    String run = Runs.runId();
    String id =
        runs.save(
            me,
            "Fails",
            """
            [{"id": "in", "type": "INPUT", "data": {}},
             {"id": "call", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "%s"}},
             {"id": "after", "type": "TRANSFORM", "data": {"expression": "'never'"}},
             {"id": "pause", "type": "DELAY", "data": {"durationMs": 600000}},
             {"id": "late", "type": "OUTPUT", "data": {"value": "'never either'"}}]
            """
                .formatted(target.url("/status/500/" + run)),
            """
            [{"source": "in", "target": "call"}, {"source": "call", "target": "after"},
             {"source": "in", "target": "pause"}, {"source": "pause", "target": "late"}]
            """);

    // when
    JsonNode execution = runs.run(me, id, Map.of());

    // then the run failed on the call; the rest was cancelled without running
    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("failed");
    assertThat(execution.path("error").path("code").asString()).isEqualTo("HTTP_STATUS");
    assertThat(execution.path("error").path("nodeId").asString()).isEqualTo("call");
    assertThat(execution.path("endTime").asString()).isNotBlank();
    assertThat(nodeStatus(execution, "call")).isEqualTo("failed");
    assertThat(errorCode(execution, "call")).isEqualTo("HTTP_STATUS");
    assertThat(execution.path("nodeResults").path("call").path("error").path("message").asString())
        .contains("500");
    assertThat(nodeStatus(execution, "pause")).isEqualTo("cancelled");
    assertThat(nodeStatus(execution, "after")).isEqualTo("cancelled");
    assertThat(attempts(execution, "after")).isZero();
    assertThat(nodeStatus(execution, "late")).isEqualTo("cancelled");
    assertThat(execution.path("outputs").size()).isZero();
    assertThat(execution.path("metrics").path("failedNodes").asInt()).isEqualTo(1);
    assertThat(target.requestsTo("/status/500/" + run)).hasSize(1);
  }

  @Test
  void continueRunsWhatFollowsAndTheExecutionCompletes() {
    String run = Runs.runId();
    String id =
        runs.save(
            me,
            "Continues",
            """
            [{"id": "in", "type": "INPUT", "data": {}},
             {"id": "call", "type": "HTTP_REQUEST", "onError": "continue",
               "data": {"method": "GET", "url": "%s"}},
             {"id": "after", "type": "TRANSFORM",
               "data": {"expression": "nodes.call.output == null ? 'went on without' : 'had'"}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.after.output"}}]
            """
                .formatted(target.url("/status/404/" + run)),
            """
            [{"source": "in", "target": "call"}, {"source": "call", "target": "after"},
             {"source": "after", "target": "out"}]
            """);

    JsonNode execution = runs.run(me, id, Map.of());

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    assertThat(execution.path("error").isMissingNode() || execution.path("error").isNull())
        .as("%s", execution.path("error"))
        .isTrue();
    assertThat(nodeStatus(execution, "call")).isEqualTo("failed");
    assertThat(errorCode(execution, "call")).isEqualTo("HTTP_STATUS");
    assertThat(nodeStatus(execution, "after")).isEqualTo("completed");
    assertThat(execution.path("outputs").path("out").asString()).isEqualTo("went on without");
    assertThat(execution.path("metrics").path("failedNodes").asInt()).isEqualTo(1);
    assertThat(execution.path("metrics").path("successfulNodes").asInt()).isEqualTo(3);
  }

  @Test
  void branchTakesTheErrorEdgeWithTheErrorAndSkipsTheNormalOne() {
    // given a call whose URL comes from the inputs, an error edge and a normal edge
    String id =
        runs.save(
            me,
            "Branches on error",
            """
            [{"id": "in", "type": "INPUT", "data": {"fields": {"url": "string"}}},
             {"id": "call", "type": "HTTP_REQUEST", "onError": "branch",
               "retry": {"maxAttempts": 2, "backoffMs": 1},
               "data": {"method": "GET", "url": "{{ inputs.url }}"}},
             {"id": "ok", "type": "TRANSFORM", "data": {"expression": "'fine ' + nodes.call.output.body.answer"}},
             {"id": "handle", "type": "TRANSFORM",
               "data": {"expression": "'handled ' + nodes.call.output.error.code"}},
             {"id": "okOut", "type": "OUTPUT", "data": {"value": "nodes.ok.output"}},
             {"id": "errOut", "type": "OUTPUT", "data": {"value": "nodes.handle.output"}}]
            """,
            """
            [{"source": "in", "target": "call"},
             {"source": "call", "target": "ok"},
             {"source": "call", "target": "handle", "sourceHandle": "error"},
             {"source": "ok", "target": "okOut"}, {"source": "handle", "target": "errOut"}]
            """);
    String run = Runs.runId();

    // when the call fails on every attempt
    JsonNode failing = runs.run(me, id, Map.of("url", target.url("/status/503/" + run)));

    // then the error edge carries the error on, the normal edge is not taken, the run completes
    assertThat(failing.path("status").asString()).as("%s", failing).isEqualTo("completed");
    assertThat(nodeStatus(failing, "call")).isEqualTo("failed");
    assertThat(attempts(failing, "call")).isEqualTo(2);
    assertThat(
            failing
                .path("nodeResults")
                .path("call")
                .path("output")
                .path("error")
                .path("code")
                .asString())
        .as("a branching node's output is its error")
        .isEqualTo("HTTP_STATUS");
    assertThat(failing.path("outputs").path("errOut").asString()).isEqualTo("handled HTTP_STATUS");
    assertThat(nodeStatus(failing, "ok")).isEqualTo("skipped");
    assertThat(nodeStatus(failing, "okOut")).isEqualTo("skipped");
    assertThat(failing.path("outputs").has("okOut")).isFalse();

    // and when the call succeeds, the normal edge is taken and the error edge is not
    JsonNode passing = runs.run(me, id, Map.of("url", target.url("/echo/" + run)));
    assertThat(passing.path("status").asString()).as("%s", passing).isEqualTo("completed");
    assertThat(passing.path("outputs").path("okOut").asString()).isEqualTo("fine pong");
    assertThat(nodeStatus(passing, "handle")).isEqualTo("skipped");
    assertThat(nodeStatus(passing, "errOut")).isEqualTo("skipped");
  }
}
