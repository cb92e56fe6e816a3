package io.agentic.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.execution.StepUsage;
import io.agentic.contracts.workflow.OnError;
import io.agentic.contracts.workflow.RetryPolicy;
import io.agentic.contracts.workflow.WorkflowNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EngineTest {

  private static WorkflowNode onError(WorkflowNode n, OnError mode) {
    return new WorkflowNode(n.id(), n.type(), n.name(), n.data(), n.retry(), n.timeoutMs(), mode);
  }

  private static WorkflowNode retry(WorkflowNode n, int attempts, long backoffMs) {
    return new WorkflowNode(
        n.id(),
        n.type(),
        n.name(),
        n.data(),
        new RetryPolicy(attempts, backoffMs),
        n.timeoutMs(),
        n.onError());
  }

  private static WorkflowNode timeout(WorkflowNode n, long ms) {
    return new WorkflowNode(n.id(), n.type(), n.name(), n.data(), n.retry(), ms, n.onError());
  }

  @Nested
  class PureNodes {

    @Test
    void shouldRunInputTransformConditionOutputInOneDecision() {
      // given a workflow of pure nodes only
      Scenario run = Scenario.of("pure-chain", Map.of("word", "go"));

      // when it starts
      run.start();

      // then one decision completes it, taking the "true" branch and skipping the other
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs()).containsExactly(Map.entry("yes", "go"));
      assertThat(run.node("no").status()).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.node("check").output()).isEqualTo(true);
      assertThat(run.dispatched()).isEmpty();
      assertThat(run.eventTypes())
          .containsExactly(
              "execution.started",
              "node.started:in",
              "node.completed:in",
              "node.started:shout",
              "node.completed:shout",
              "node.started:check",
              "node.completed:check",
              "node.started:yes",
              "node.completed:yes",
              "node.skipped:no",
              "execution.completed");
      assertThat(run.last.effects()).contains(new Effect.Finish(ExecutionStatus.COMPLETED));
      assertThat(run.state.endTime()).isEqualTo(Scenario.T0);
    }

    @Test
    void shouldTakeFalseBranchOfCondition() {
      Scenario run = Scenario.of("pure-chain", Map.of("word", "stop")).start();

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.node("yes").status()).isEqualTo(NodeStatus.SKIPPED);
      // an OUTPUT without value takes its single predecessor's output
      assertThat(run.state.outputs()).containsExactly(Map.entry("no", false));
    }

    @Test
    void shouldNumberEventsOneByOneWithEventIds() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x")).start();
      run.succeed("call", Map.of("status", 200, "body", "ok"));

      List<ExecutionProgressed> events = run.events();
      assertThat(events)
          .extracting(ExecutionProgressed::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
      assertThat(events)
          .allSatisfy(
              e -> {
                assertThat(e.eventId()).isEqualTo(Scenario.ID + ":" + e.sequence());
                assertThat(e.workflowId()).isEqualTo("wf-1");
                assertThat(e.workflowVersion()).isEqualTo(3);
                assertThat(e.userId()).isEqualTo("user-1");
              });
      assertThat(run.state.sequence()).isEqualTo(events.size());
    }

    @Test
    void shouldFailNodeNamingNodeAndExpressionWhenExpressionFails() {
      Scenario run = Scenario.of("bad-expression", Map.of()).start();

      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      NodeState calc = run.node("calc");
      assertThat(calc.status()).isEqualTo(NodeStatus.FAILED);
      assertThat(calc.error().code()).isEqualTo("EXPRESSION_ERROR");
      assertThat(calc.error().message()).contains("'calc'").contains("'inputs.missing'");
      assertThat(run.state.error().nodeId()).isEqualTo("calc");
      assertThat(run.node("out").status()).isEqualTo(NodeStatus.CANCELLED);
    }

    @Test
    void shouldFailConditionThatIsNotBoolean() {
      Scenario run =
          Scenario.of("pure-chain", Map.of("word", "go"))
              .node(
                  "check",
                  n ->
                      new WorkflowNode(
                          n.id(),
                          n.type(),
                          null,
                          Map.of("expression", "inputs.word"),
                          null,
                          null,
                          null))
              .start();

      assertThat(run.node("check").error().message()).contains("not a boolean");
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void shouldRejectInputsThatDoNotMatchInputFields() {
      Scenario run = Scenario.of("pure-chain", Map.of("word", 42)).start();

      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(run.state.error().code()).isEqualTo("INPUT_INVALID");
      assertThat(run.state.error().message()).contains("inputs.word must be a string");
      assertThat(run.node("in").status()).isEqualTo(NodeStatus.CANCELLED);
    }

    @Test
    void shouldNotStartTwice() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x")).start();
      run.start();

      assertThat(run.last.changed()).isFalse();
      assertThat(run.dispatched()).hasSize(1);
    }

    @Test
    void shouldIgnoreARedeliveredCommand() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x"));
      run.apply(new Input.Start("same")).cancel().retry();
      int events = run.events().size();

      run.apply(new Input.Start("same"));

      assertThat(run.last.changed()).isFalse();
      assertThat(run.events()).hasSize(events);
    }
  }

  @Nested
  class Steps {

    @Test
    void shouldDispatchIoNodeWithResolvedDataAndATimeout() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "books")).start();

      assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(run.dispatches())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.topic()).isEqualTo(Topics.STEPS_HTTP);
                ExecuteStep step = d.step();
                assertThat(step.stepId()).isEqualTo("exec-1:call:1");
                assertThat(step.attempt()).isEqualTo(1);
                assertThat(step.userId()).isEqualTo("user-1");
                assertThat(step.rootExecutionId()).isEqualTo("exec-1");
                assertThat(step.input())
                    .containsEntry("url", "https://api.example.test/items/books")
                    .containsEntry("headers", Map.of("X-Topic", "books"));
                assertThat(step.timeoutMs()).isEqualTo(Duration.ofMinutes(5).toMillis());
              });
      assertThat(run.timers())
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.kind()).isEqualTo("timeout");
                assertThat(t.dueAt()).isEqualTo(Scenario.T0.plus(Duration.ofMinutes(5)));
              });
      assertThat(run.node("call").status()).isEqualTo(NodeStatus.RUNNING);
    }

    @Test
    void shouldCompleteWhenTheStepSucceeds() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "books")).start();

      run.after(Duration.ofMillis(250))
          .succeed("call", Map.of("status", 200, "body", Map.of("n", 1)));

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs()).containsExactly(Map.entry("out", Map.of("n", 1L)));
      NodeState call = run.node("call");
      assertThat(call.status()).isEqualTo(NodeStatus.COMPLETED);
      assertThat(call.attempts()).isEqualTo(1);
      assertThat(call.durationMs()).isEqualTo(250);
      assertThat(run.state.durationMs()).isEqualTo(250);
      assertThat(run.cancelledTimers()).containsExactly("exec-1:call:1:timeout");
    }

    @Test
    void shouldRouteEachIoTypeToItsTopic() {
      Scenario run = Scenario.of("two-steps", Map.of()).start();
      run.succeed("first", "a");

      assertThat(run.dispatches())
          .extracting(Effect.DispatchStep::topic)
          .containsExactly(Topics.STEPS_HTTP, Topics.STEPS_DATABASE);
      Scenario ai = Scenario.of("ai-summary", Map.of("text", "t")).start();
      assertThat(ai.dispatches())
          .extracting(Effect.DispatchStep::topic)
          .containsExactly(Topics.STEPS_AI);
    }

    @Test
    void shouldUseTheNodesOwnTimeout() {
      Scenario run =
          Scenario.of("http-chain", Map.of("topic", "x"))
              .node("call", n -> timeout(n, 2000))
              .start();

      assertThat(run.dispatched().getFirst().timeoutMs()).isEqualTo(2000);
      assertThat(run.timers().getFirst().dueAt()).isEqualTo(Scenario.T0.plusMillis(2000));
    }

    @Test
    void shouldFailIoNodeWithoutDispatchWhenItsDataCannotBeResolved() {
      Scenario run =
          Scenario.of("http-chain", Map.of())
              .node("in", n -> new WorkflowNode("in", n.type(), null, Map.of(), null, null, null))
              .start();

      assertThat(run.dispatched()).isEmpty();
      assertThat(run.node("call").error().message()).contains("'call'").contains("inputs.topic");
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void shouldIgnoreADuplicateResult() {
      Scenario run = Scenario.of("two-steps", Map.of()).start();
      String step = run.awaitedStep("first");
      run.succeed("first", "a");
      int events = run.events().size();

      run.apply(Input.of(run.result(step, "first", true, "again", null, null)));

      assertThat(run.last.changed()).isFalse();
      assertThat(run.events()).hasSize(events);
      assertThat(run.node("first").output()).isEqualTo("a");
    }

    @Test
    void shouldIgnoreAResultForAStepNotAwaited() {
      Scenario run = Scenario.of("two-steps", Map.of()).start();

      run.apply(Input.of(run.result("exec-1:first:7", "first", true, "x", null, null)));
      assertThat(run.last.changed()).isFalse();
      run.apply(Input.of(run.result("exec-1:second:1", "second", true, "x", null, null)));
      assertThat(run.last.changed()).isFalse();
      run.apply(Input.of(run.result("exec-1:ghost:1", "ghost", true, "x", null, null)));
      assertThat(run.last.changed()).isFalse();
    }

    @Test
    void shouldSumUsageIntoMetrics() {
      Scenario run = Scenario.of("ai-summary", Map.of("text", "long text")).start();

      run.succeed("summarise", Map.of("text", "short"), new StepUsage(1, 120, 0.002));
      ExecuteStep classify = run.dispatched().get(1);
      assertThat(classify.input()).containsEntry("prompt", "short");
      run.succeed(
          "classify", Map.of("json", Map.of("label", "POSITIVE")), new StepUsage(2, 30, 0.001));

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      Metrics m = run.state.metrics();
      assertThat(m.totalNodes()).isEqualTo(4);
      assertThat(m.successfulNodes()).isEqualTo(4);
      assertThat(m.failedNodes()).isZero();
      assertThat(m.skippedNodes()).isZero();
      assertThat(m.aiCallsCount()).isEqualTo(3);
      assertThat(m.totalTokensUsed()).isEqualTo(150);
      assertThat(m.totalCostUsd()).isCloseTo(0.003, offset(1e-9));
      assertThat(run.state.outputs()).containsEntry("out", Map.of("label", "POSITIVE"));
    }

    @Test
    void shouldRedactCredentialsInEventsButKeepThemForLaterNodes() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x")).start();
      Map<String, Object> body = Map.of("token", "s3cret", "totalTokens", 12L);

      run.succeed("call", Map.of("status", 200, "body", body));

      ExecutionProgressed completed =
          run.events().stream()
              .filter(e -> "node.completed".equals(e.type()) && "call".equals(e.nodeId()))
              .findFirst()
              .orElseThrow();
      assertThat(completed.data().get("output"))
          .isEqualTo(Map.of("status", 200, "body", Map.of("token", "***", "totalTokens", 12L)));
      assertThat(run.state.outputs().get("out")).isEqualTo(body);
    }
  }

  @Nested
  class Bookkeeping {

    @Test
    void shouldCountFailedAndSkippedNodesInMetrics() {
      Scenario run = Scenario.of("error-branch", Map.of()).start();

      run.failStep("call", "HTTP_STATUS", false);

      Metrics m = run.state.metrics();
      assertThat(m.totalNodes()).isEqualTo(4);
      assertThat(m.successfulNodes()).isEqualTo(2);
      assertThat(m.failedNodes()).isEqualTo(1);
      assertThat(m.skippedNodes()).isEqualTo(1);
    }

    @Test
    void shouldKeepAtMostMaxLogEntriesAndCountTheRest() {
      EngineSettings settings =
          new EngineSettings(Duration.ofMinutes(5), Duration.ofHours(24), 3, Duration.ofHours(1));
      Scenario run = Scenario.of("pure-chain", Map.of("word", "go"), settings).start();

      assertThat(run.state.logs()).hasSize(3);
      assertThat(run.state.droppedLogs()).isPositive();
    }

    @Test
    void shouldGiveARetriedExecutionAFreshDeadline() {
      Scenario run = Scenario.of("two-steps", Map.of()).start();
      run.failStep("first", "HTTP_STATUS", false);

      run.after(Duration.ofHours(23)).retry();

      assertThat(run.state.deadline()).isEqualTo(run.now.plus(Duration.ofHours(24)));
      run.after(Duration.ofHours(2)).fireDeadline();
      assertThat(run.last.changed()).isFalse();
    }

    @Test
    void shouldExposeExecutionFieldsToExpressions() {
      Scenario run =
          Scenario.of("pure-chain", Map.of("word", "go"))
              .node(
                  "yes",
                  n ->
                      new WorkflowNode(
                          "yes",
                          n.type(),
                          null,
                          Map.of("value", "execution.id + '/' + execution.workflowId"),
                          null,
                          null,
                          null))
              .start();

      assertThat(run.state.outputs()).containsEntry("yes", "exec-1/wf-1");
    }
  }

  @Nested
  class Joins {

    @Test
    void shouldWaitForEveryInEdgeBeforeAJoin() {
      Scenario run = Scenario.of("parallel-join", Map.of()).start();
      assertThat(run.dispatched()).extracting(ExecuteStep::nodeId).containsExactly("a", "b");

      run.succeed("b", "from b");
      assertThat(run.node("join").status()).isEqualTo(NodeStatus.PENDING);

      run.succeed("a", "from a");
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      // several predecessors: a map predecessorId -> output, in edge order
      assertThat(run.state.outputs().get("join"))
          .isEqualTo(orderedMap("a", "from a", "b", "from b"));
    }

    @Test
    void shouldRunAJoinReachedThroughOneTakenBranch() {
      Scenario run = Scenario.of("branch-join", Map.of("n", 50)).start();

      assertThat(run.node("b").status()).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.node("after-b").status()).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.dispatched()).extracting(ExecuteStep::nodeId).containsExactly("a");

      run.succeed("a", Map.of("big", true));
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs().get("join")).isEqualTo(Map.of("big", true));
      assertThat(run.state.metrics().skippedNodes()).isEqualTo(2);
    }

    @Test
    void shouldSkipEverythingOnlyAnUntakenBranchFeeds() {
      Scenario run = Scenario.of("branch-join", Map.of("n", 5)).start();

      assertThat(run.node("a").status()).isEqualTo(NodeStatus.SKIPPED);
      run.succeed("b", "small");
      assertThat(run.node("after-b").output()).isEqualTo("small");
      assertThat(run.state.outputs().get("join")).isEqualTo("small");
      assertThat(run.eventTypes()).contains("node.skipped:a");
    }
  }

  @Nested
  class Failures {

    @Test
    void shouldFailTheExecutionAndCancelRunningBranchesByDefault() {
      Scenario run = Scenario.of("parallel-join", Map.of()).start();
      String bStep = run.awaitedStep("b");

      run.failStep("a", "HTTP_STATUS", false);

      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(run.state.error())
          .isEqualTo(
              new ExecutionError("HTTP_STATUS", "Node 'a' failed: HTTP_STATUS happened", "a"));
      assertThat(run.node("a").status()).isEqualTo(NodeStatus.FAILED);
      assertThat(run.node("b").status()).isEqualTo(NodeStatus.CANCELLED);
      assertThat(run.node("join").status()).isEqualTo(NodeStatus.CANCELLED);
      assertThat(run.cancelledTimers()).contains("exec-1:b:1:timeout");
      assertThat(run.last.effects()).contains(new Effect.Finish(ExecutionStatus.FAILED));
      assertThat(run.eventTypes()).endsWith("node.failed:a", "execution.failed");

      // and b's late result is ignored
      run.apply(Input.of(run.result(bStep, "b", true, "late", null, null)));
      assertThat(run.last.changed()).isFalse();
    }

    @Test
    void shouldRunSuccessorsWithNullWhenTheNodeContinuesOnError() {
      Scenario run =
          Scenario.of("two-steps", Map.of())
              .node("first", n -> onError(n, OnError.CONTINUE))
              .start();

      run.failStep("first", "HTTP_STATUS", false);
      assertThat(run.node("first").status()).isEqualTo(NodeStatus.FAILED);
      assertThat(run.node("first").output()).isNull();
      run.succeed("second", 7);

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.metrics().failedNodes()).isEqualTo(1);
      assertThat(run.state.metrics().successfulNodes()).isEqualTo(3);
    }

    @Test
    void shouldTakeTheErrorEdgeWhenTheNodeBranchesOnError() {
      Scenario run = Scenario.of("error-branch", Map.of()).start();

      run.failStep("call", "HTTP_STATUS", false);

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.node("call").output())
          .isEqualTo(
              Map.of("error", Map.of("code", "HTTP_STATUS", "message", "HTTP_STATUS happened")));
      assertThat(run.node("ok").status()).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.state.outputs()).containsExactly(Map.entry("handled", "HTTP_STATUS"));
    }

    @Test
    void shouldNotTakeTheErrorEdgeWhenTheNodeSucceeds() {
      Scenario run = Scenario.of("error-branch", Map.of()).start();

      run.succeed("call", "fine");

      assertThat(run.node("handled").status()).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.state.outputs()).containsExactly(Map.entry("ok", "fine"));
    }
  }

  @Nested
  class Retries {

    @Test
    void shouldRetryRetryableErrorsWithExponentialBackoff() {
      Scenario run =
          Scenario.of("http-chain", Map.of("topic", "x"))
              .node("call", n -> retry(n, 3, 100))
              .start();

      run.after(Duration.ofMillis(10)).failStep("call", "HTTP_STATUS", true);
      assertThat(run.node("call").status()).isEqualTo(NodeStatus.RUNNING);
      assertThat(run.timers().getLast())
          .isEqualTo(
              new Effect.ScheduleTimer(
                  "exec-1:call:2:backoff", "backoff", "call", 2, Scenario.T0.plusMillis(110)));

      run.fire("call");
      assertThat(run.dispatched().getLast().stepId()).isEqualTo("exec-1:call:2");
      run.failStep("call", "HTTP_STATUS", true);
      assertThat(run.timers().getLast().dueAt()).isEqualTo(run.now.plusMillis(200));

      run.fire("call").failStep("call", "HTTP_STATUS", true);

      assertThat(run.dispatched()).extracting(ExecuteStep::attempt).containsExactly(1, 2, 3);
      assertThat(run.node("call").status()).isEqualTo(NodeStatus.FAILED);
      assertThat(run.node("call").attempts()).isEqualTo(3);
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(run.eventTypes()).containsOnlyOnce("node.started:call");
    }

    @Test
    void shouldAddJitterFromTheRandomSource() {
      Scenario run =
          Scenario.of("http-chain", Map.of("topic", "x"), () -> Long.MIN_VALUE >>> 1)
              .node("call", n -> retry(n, 2, 1000))
              .start();

      run.failStep("call", "TIMEOUT", true);

      // nextDouble() of this source is 0.25 -> +6.25%
      assertThat(run.timers().getLast().dueAt()).isEqualTo(Scenario.T0.plusMillis(1062));
    }

    @Test
    void shouldNotRetryErrorsThatAreNotRetryable() {
      Scenario run =
          Scenario.of("http-chain", Map.of("topic", "x"))
              .node("call", n -> retry(n, 5, 100))
              .start();

      run.failStep("call", "SSRF_BLOCKED", false);

      assertThat(run.dispatched()).hasSize(1);
      assertThat(run.node("call").status()).isEqualTo(NodeStatus.FAILED);
    }

    @Test
    void shouldFailTheAttemptWhenTheStepTimesOutAndIgnoreItsLateResult() {
      Scenario run =
          Scenario.of("http-chain", Map.of("topic", "x"))
              .node("call", n -> retry(timeout(n, 1000), 2, 50))
              .start();
      String first = run.awaitedStep("call");

      run.fire("call");
      assertThat(run.state.logs()).anySatisfy(l -> assertThat(l.message()).contains("TIMEOUT"));
      run.apply(Input.of(run.result(first, "call", true, "late", null, null)));
      assertThat(run.last.changed()).isFalse();

      run.fire("call").succeed("call", Map.of("body", "second time"));
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.node("call").attempts()).isEqualTo(2);
    }

    @Test
    void shouldFailWithTimeoutWhenNoAttemptIsLeft() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x")).start();

      run.fire("call");

      assertThat(run.node("call").error().code()).isEqualTo("TIMEOUT");
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(run.now).isEqualTo(Scenario.T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void shouldIgnoreATimerNoLongerAwaited() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x")).start();
      Wait wait = run.node("call").awaiting();
      run.succeed("call", Map.of("body", "done"));

      run.apply(new Input.TimerFired("t", wait.timerId(), "timeout", "call", 1));

      assertThat(run.last.changed()).isFalse();
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
    }
  }

  @Nested
  class Timers {

    @Test
    void shouldPassInputsThroughAfterADelay() {
      Scenario run = Scenario.of("delay", Map.of("k", "v")).start();
      assertThat(run.timers())
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.kind()).isEqualTo("delay");
                assertThat(t.dueAt()).isEqualTo(Scenario.T0.plusMillis(1500));
              });
      assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);

      run.fire("pause");

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs()).containsExactly(Map.entry("out", Map.of("k", "v")));
    }

    @Test
    void shouldFailAnUnfinishedExecutionPastItsDeadline() {
      Scenario run = Scenario.of("delay", Map.of()).start();

      run.fireDeadline();
      assertThat(run.last.changed()).isFalse();

      run.after(Duration.ofHours(24)).fireDeadline();
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(run.state.error().code()).isEqualTo("DEADLINE_EXCEEDED");
      assertThat(run.node("pause").status()).isEqualTo(NodeStatus.CANCELLED);
      assertThat(run.cancelledTimers()).containsExactly("exec-1:pause:1:delay");
    }
  }

  @Nested
  class CancelAndRetry {

    @Test
    void shouldCancelAndIgnoreLateResults() {
      Scenario run = Scenario.of("parallel-join", Map.of()).start();
      String a = run.awaitedStep("a");

      run.cancel();

      assertThat(run.status()).isEqualTo(ExecutionStatus.CANCELLED);
      assertThat(run.state.nodeResults().values())
          .extracting(NodeState::status)
          .containsExactly(
              NodeStatus.COMPLETED,
              NodeStatus.CANCELLED,
              NodeStatus.CANCELLED,
              NodeStatus.CANCELLED);
      assertThat(run.cancelledTimers())
          .containsExactlyInAnyOrder("exec-1:a:1:timeout", "exec-1:b:1:timeout");
      assertThat(run.eventTypes()).last().isEqualTo("execution.cancelled");
      assertThat(run.last.effects()).contains(new Effect.Finish(ExecutionStatus.CANCELLED));

      run.apply(Input.of(run.result(a, "a", true, "late", null, null)));
      assertThat(run.last.changed()).isFalse();
      run.cancel();
      assertThat(run.last.changed()).isFalse();
    }

    @Test
    void shouldCancelAPendingExecution() {
      Scenario run = Scenario.of("delay", Map.of()).cancel();

      assertThat(run.status()).isEqualTo(ExecutionStatus.CANCELLED);
      run.start();
      assertThat(run.last.changed()).isFalse();
    }

    @Test
    void shouldRetryFromTheFailedNodeKeepingCompletedOnes() {
      Scenario run = Scenario.of("two-steps", Map.of()).start();
      run.succeed("first", "kept");
      run.failStep("second", "DB_DOWN", false);
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      long sequence = run.state.sequence();

      run.after(Duration.ofMinutes(1)).retry();

      assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(run.state.error()).isNull();
      assertThat(run.node("first").output()).isEqualTo("kept");
      assertThat(run.dispatched())
          .extracting(ExecuteStep::stepId)
          .containsExactly("exec-1:first:1", "exec-1:second:1", "exec-1:second:2");
      assertThat(run.events().get((int) sequence).type()).isEqualTo("execution.started");
      assertThat(run.events().get((int) sequence).sequence()).isEqualTo(sequence + 1);

      run.succeed("second", 3);
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs()).containsExactly(Map.entry("out", 3));
      assertThat(run.node("second").attempts()).isEqualTo(2);
    }

    @Test
    void shouldRetryAfterCancelRunningCancelledNodesAgain() {
      Scenario run = Scenario.of("parallel-join", Map.of()).start();
      run.succeed("a", 1);
      run.cancel();

      run.retry();

      assertThat(run.node("a").status()).isEqualTo(NodeStatus.COMPLETED);
      assertThat(run.dispatched()).extracting(ExecuteStep::stepId).endsWith("exec-1:b:2");
      run.succeed("b", 2);
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
    }

    @Test
    void shouldRetryOnlyFailedOrCancelledExecutions() {
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x")).start();
      run.retry();
      assertThat(run.last.changed()).isFalse();

      run.succeed("call", Map.of("body", "ok")).retry();
      assertThat(run.last.changed()).isFalse();
    }

    @Test
    void shouldNotRetryACompletedExecutionEvenWithFailedNodes() {
      Scenario run =
          Scenario.of("error-branch", Map.of())
              .node("call", n -> onError(n, OnError.CONTINUE))
              .start();
      run.failStep("call", "HTTP_STATUS", false);
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      // a completed execution cannot be retried, even with failed nodes
      run.retry();
      assertThat(run.last.changed()).isFalse();
    }
  }

  private static Map<String, Object> orderedMap(Object... kv) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], kv[i + 1]);
    }
    return map;
  }
}
