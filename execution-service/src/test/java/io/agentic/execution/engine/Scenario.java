package io.agentic.execution.engine;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.execution.StepUsage;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.expression.Expressions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One execution driven through the engine in memory: a clock, every effect so far, and shortcuts to
 * answer the step or fire the timer a node waits for.
 */
final class Scenario {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String ID = "exec-1";

  private final Engine engine;
  private Workflows.Fixture workflow;
  private final Map<String, Object> inputs;
  ExecutionState state;
  Instant now = T0;
  Decision last;
  final List<Effect> effects = new ArrayList<>();
  private int commands;

  private Scenario(
      String fixture, Map<String, Object> inputs, RandomGenerator random, EngineSettings settings) {
    this.engine = new Engine(new ExpressionsEvaluator(Expressions.standard()), random, settings);
    this.workflow = Workflows.load(fixture);
    this.inputs = inputs;
    this.state = pending();
  }

  /** No jitter: backoffs are exactly exponential. */
  static Scenario of(String fixture, Map<String, Object> inputs) {
    return new Scenario(fixture, inputs, () -> 0L, EngineSettings.defaults());
  }

  static Scenario of(String fixture, Map<String, Object> inputs, EngineSettings settings) {
    return new Scenario(fixture, inputs, () -> 0L, settings);
  }

  static Scenario of(String fixture, Map<String, Object> inputs, RandomGenerator random) {
    return new Scenario(fixture, inputs, random, EngineSettings.defaults());
  }

  private ExecutionState pending() {
    return ExecutionState.pending(
        ID,
        "wf-1",
        3,
        "user-1",
        workflow.nodes(),
        workflow.edges(),
        inputs,
        T0,
        Duration.ofHours(24));
  }

  /**
   * Makes the execution a child at {@code depth} of a tree running {@code chain} (ending with this
   * execution's workflow {@code wf-1}), whose parent's deadline is {@code parentDeadline}.
   */
  Scenario nested(int depth, List<String> chain, Instant parentDeadline) {
    state =
        ExecutionState.child(
            new ChildStart(
                ID,
                "wf-1",
                inputs,
                "user-1",
                "user",
                new ParentLink("parent-1", "node-p", 2, 7),
                "root-1",
                depth,
                chain,
                parentDeadline),
            3,
            workflow.nodes(),
            workflow.edges(),
            T0,
            Duration.ofHours(24));
    return this;
  }

  /** Changes a node of the workflow before the execution starts. */
  Scenario node(String id, UnaryOperator<WorkflowNode> change) {
    workflow =
        new Workflows.Fixture(
            workflow.nodes().stream().map(n -> n.id().equals(id) ? change.apply(n) : n).toList(),
            workflow.edges());
    state = pending();
    return this;
  }

  Scenario apply(Input input) {
    last = engine.decide(state, input, now);
    state = last.state();
    effects.addAll(last.effects());
    return this;
  }

  Scenario start() {
    return apply(new Input.Start(nextCommand()));
  }

  Scenario cancel() {
    return apply(new Input.Cancel(nextCommand(), "user-1", "no longer needed"));
  }

  Scenario retry() {
    return apply(new Input.Retry(nextCommand(), "user-1"));
  }

  Scenario after(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  Scenario succeed(String nodeId, Object output) {
    return succeed(nodeId, output, null);
  }

  Scenario succeed(String nodeId, Object output, StepUsage usage) {
    return apply(Input.of(result(awaitedStep(nodeId), nodeId, true, output, null, usage)));
  }

  Scenario failStep(String nodeId, String code, boolean retryable) {
    return apply(
        Input.of(
            result(
                awaitedStep(nodeId),
                nodeId,
                false,
                null,
                new StepError(code, code + " happened", retryable),
                null)));
  }

  StepFinished result(
      String stepId, String nodeId, boolean ok, Object output, StepError error, StepUsage usage) {
    int attempt = Integer.parseInt(stepId.substring(stepId.lastIndexOf(':') + 1));
    return new StepFinished(stepId, ID, nodeId, attempt, ok, output, error, usage, now, now);
  }

  /** Fires the timer the node waits for (its timeout, backoff or delay). */
  Scenario fire(String nodeId) {
    Wait wait = node(nodeId).awaiting();
    now = now.isBefore(wait.dueAt()) ? wait.dueAt() : now;
    String kind = wait.timerId().substring(wait.timerId().lastIndexOf(':') + 1);
    return apply(new Input.TimerFired(nextCommand(), wait.timerId(), kind, nodeId, wait.attempt()));
  }

  Scenario fireDeadline() {
    return apply(new Input.TimerFired(nextCommand(), ID + ":deadline", "deadline", null, 0));
  }

  /** Every child execution started so far, in order. */
  List<ChildStart> children() {
    return effects.stream()
        .filter(Effect.StartChild.class::isInstance)
        .map(e -> ((Effect.StartChild) e).child())
        .toList();
  }

  /** The child started last for item {@code index} of node {@code nodeId}. */
  ChildStart child(String nodeId, int index) {
    return children().stream()
        .filter(c -> c.parent().nodeId().equals(nodeId) && c.parent().index() == index)
        .reduce((a, b) -> b)
        .orElseThrow(
            () -> new AssertionError("No child started for " + nodeId + "[" + index + "]"));
  }

  Scenario childCompletes(String nodeId, int index, Object outputs) {
    return childCompletes(child(nodeId, index), outputs, null);
  }

  Scenario childCompletes(ChildStart child, Object outputs, StepUsage usage) {
    return apply(
        Input.of(
            new StepFinished(
                child.executionId(),
                ID,
                child.parent().nodeId(),
                child.parent().attempt(),
                true,
                outputs,
                null,
                usage,
                now,
                now)));
  }

  Scenario childFails(String nodeId, int index, String code, boolean retryable) {
    ChildStart child = child(nodeId, index);
    return apply(
        Input.of(
            new StepFinished(
                child.executionId(),
                ID,
                nodeId,
                child.parent().attempt(),
                false,
                null,
                new StepError(code, code + " happened", retryable),
                null,
                now,
                now)));
  }

  List<String> cancelledChildren() {
    return effects.stream()
        .filter(Effect.CancelChild.class::isInstance)
        .map(e -> ((Effect.CancelChild) e).executionId())
        .toList();
  }

  /** What this execution reported to its parent. */
  List<StepFinished> reports() {
    return effects.stream()
        .filter(Effect.ReportToParent.class::isInstance)
        .map(e -> ((Effect.ReportToParent) e).result())
        .toList();
  }

  String awaitedStep(String nodeId) {
    Wait wait = node(nodeId).awaiting();
    if (wait == null || wait.stepId() == null) {
      throw new AssertionError(nodeId + " waits for no step: " + node(nodeId));
    }
    return wait.stepId();
  }

  NodeState node(String id) {
    return state.nodeResults().get(id);
  }

  ExecutionStatus status() {
    return state.status();
  }

  List<ExecuteStep> dispatched() {
    return effects.stream()
        .filter(Effect.DispatchStep.class::isInstance)
        .map(e -> ((Effect.DispatchStep) e).step())
        .toList();
  }

  List<Effect.DispatchStep> dispatches() {
    return effects.stream()
        .filter(Effect.DispatchStep.class::isInstance)
        .map(Effect.DispatchStep.class::cast)
        .toList();
  }

  List<Effect.ScheduleTimer> timers() {
    return effects.stream()
        .filter(Effect.ScheduleTimer.class::isInstance)
        .map(Effect.ScheduleTimer.class::cast)
        .toList();
  }

  List<String> cancelledTimers() {
    return effects.stream()
        .filter(Effect.CancelTimer.class::isInstance)
        .map(e -> ((Effect.CancelTimer) e).timerId())
        .toList();
  }

  List<ExecutionProgressed> events() {
    return effects.stream()
        .filter(Effect.Emit.class::isInstance)
        .map(e -> ((Effect.Emit) e).event())
        .toList();
  }

  List<String> eventTypes() {
    return events().stream()
        .map(e -> e.nodeId() == null ? e.type() : e.type() + ":" + e.nodeId())
        .toList();
  }

  private String nextCommand() {
    return "cmd-" + ++commands;
  }
}
