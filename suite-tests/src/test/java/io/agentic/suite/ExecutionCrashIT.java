package io.agentic.suite;

import static io.agentic.suite.CrashChecks.assertCompletedOnce;
import static io.agentic.suite.CrashChecks.assertSideEffectAtMostTwice;
import static io.agentic.suite.CrashChecks.awaitTerminal;
import static io.agentic.suite.CrashChecks.runId;
import static io.agentic.suite.CrashChecks.saveWorkflow;
import static io.agentic.suite.CrashChecks.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.suite.GatewayClient.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * execution-service killed with SIGKILL at the worst moments, then started again: every accepted
 * execution still completes, each node once, and an HTTP side effect happens at most twice, both
 * times under the same {@code Idempotency-Key}.
 */
class ExecutionCrashIT {

  private static final Duration END_LIMIT = Duration.ofSeconds(60);

  private final ProcessSuite suite = ProcessSuite.get();
  private final GatewayClient gateway = suite.gateway();

  @Test
  void finishesADelayWhoseServiceWasKilledWhileItWaited() throws Exception {
    // given an execution waiting in a 2.5 s DELAY
    Session me = gateway.newUser();
    String run = runId();
    String workflowId = saveWorkflow(gateway, me, "crash-delay", Map.of("run", run));
    String executionId = start(gateway, me, workflowId, run);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                "running"
                    .equals(
                        CrashChecks.read(gateway, me, executionId)
                            .path("nodeResults")
                            .path("pause")
                            .path("status")
                            .asString()));

    // when execution-service dies and comes back
    suite.killExecution(1);
    suite.startExecution(1);

    // then the timer fired once and the execution completed
    JsonNode execution = awaitTerminal(gateway, me, executionId, END_LIMIT);
    assertCompletedOnce(execution, List.of("in", "pause", "out"));
    assertThat(execution.path("outputs").path("out").asString()).isEqualTo(run);
  }

  @Test
  void finishesAnHttpStepWhoseWorkerWasKilledInMidCall() throws Exception {
    // given an execution whose HTTP step is being answered by a target that holds the call
    Session me = gateway.newUser();
    HttpTarget target = suite.target();
    String run = runId();
    String workflowId =
        saveWorkflow(
            gateway,
            me,
            "crash-http",
            Map.of("run", run, "targetUrl", target.url(""), "prefix", "hold"));
    target.hold();
    String executionId;
    try {
      executionId = start(gateway, me, workflowId, run);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !target.requestsTo("/hold/" + run).isEmpty());

      // when execution-service dies in mid-call
      suite.killExecution(1);
    } finally {
      target.release();
    }
    suite.startExecution(1);

    // then the step ran again under the same key, and its result was applied once
    JsonNode execution = awaitTerminal(gateway, me, executionId, END_LIMIT);
    assertCompletedOnce(execution, List.of("in", "call", "out"));
    assertThat(execution.path("outputs").path("out").asString()).isEqualTo("pong");
    assertSideEffectAtMostTwice(target, "/hold/" + run, executionId);
  }

  @Test
  void runsExecutionsAcceptedRightBeforeTheServiceWasKilled() throws Exception {
    // given executions just accepted (202), their start command perhaps not yet published
    Session me = gateway.newUser();
    HttpTarget target = suite.target();
    String prefix = "echo";
    String tag = runId();
    String workflowId =
        saveWorkflow(
            gateway,
            me,
            "crash-http",
            Map.of("run", tag, "targetUrl", target.url(""), "prefix", prefix));
    List<String> runs = new ArrayList<>();
    List<String> executionIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String run = tag + "-" + i;
      runs.add(run);
      executionIds.add(start(gateway, me, workflowId, run));
    }

    // when execution-service is killed at once, and started again
    suite.killExecution(1);
    suite.startExecution(1);

    // then every one of them completes once, its side effect at most twice under one key
    for (int i = 0; i < runs.size(); i++) {
      JsonNode execution = awaitTerminal(gateway, me, executionIds.get(i), END_LIMIT);
      assertCompletedOnce(execution, List.of("in", "call", "out"));
      assertSideEffectAtMostTwice(target, "/" + prefix + "/" + runs.get(i), executionIds.get(i));
    }
  }
}
