package io.agentic.execution.engine;

import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.WorkflowNode;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The orchestrator's one decision: {@code (state, input, now) -> (new state, effects)}. Pure: no
 * I/O, no clock, no randomness of its own, so every scenario can be replayed in memory. Inputs that
 * do not apply (duplicates, stale or late step results, timers no longer awaited, commands that do
 * not fit the status) leave the state unchanged.
 */
public final class Engine {

  private final ExecutionStarting starting;
  private final StepSucceeded stepSucceeded;
  private final StepFailed stepFailed;
  private final StepTimedOut stepTimedOut;
  private final BackoffEnded backoffEnded;
  private final DelayEnded delayEnded;
  private final DeadlinePassed deadlinePassed;
  private final Cancelling cancelling;
  private final Retrying retrying;
  private final ChildFinished childFinished;
  private final Advance advance;
  private final EngineSettings settings;

  /**
   * @param random the jitter source of retry backoffs
   */
  public Engine(Evaluator evaluator, RandomGenerator random, EngineSettings settings) {
    this.settings = settings;
    Ending ending = new Ending();
    NodeOutcomes outcomes = new NodeOutcomes(new Backoff(random, settings.maxBackoff()), ending);
    NodeStarter starter = new NodeStarter(evaluator, outcomes, new Children(evaluator, outcomes));
    this.advance = new Advance(starter, outcomes, ending);
    this.starting = new ExecutionStarting(advance, ending);
    this.stepSucceeded = new StepSucceeded(outcomes);
    this.stepFailed = new StepFailed(outcomes);
    this.stepTimedOut = new StepTimedOut(outcomes);
    this.backoffEnded = new BackoffEnded(starter);
    this.delayEnded = new DelayEnded(outcomes);
    this.deadlinePassed = new DeadlinePassed(ending);
    this.cancelling = new Cancelling(ending);
    this.retrying = new Retrying(advance);
    this.childFinished = new ChildFinished(outcomes);
  }

  public EngineSettings settings() {
    return settings;
  }

  public Decision decide(ExecutionState state, Input input, Instant now) {
    if (input.commandId() != null && state.appliedCommands().contains(input.commandId())) {
      return Decision.unchanged(state);
    }
    Transition t = new Transition(state, now, settings);
    boolean applied =
        switch (input) {
          case Input.Start start -> starting.apply(t);
          case Input.StepResult result -> stepResult(t, result.result());
          case Input.TimerFired timer -> timer(t, timer);
          case Input.Cancel cancel -> cancelling.apply(t, cancel);
          case Input.Retry retry -> retrying.apply(t, retry);
        };
    if (!applied) {
      return Decision.unchanged(state);
    }
    t.remember(input.commandId());
    return t.decision();
  }

  /**
   * Only the result of the very step a running node awaits counts; for a SUB_WORKFLOW or LOOP node,
   * the end of one of its running children (the step id is the child's execution id).
   */
  private boolean stepResult(Transition t, StepFinished result) {
    WorkflowNode node = result.nodeId() == null ? null : t.graph.node(result.nodeId());
    if (t.status != ExecutionStatus.RUNNING || node == null) {
      return false;
    }
    Wait wait = t.node(node.id()).awaiting();
    if (wait == null || result.stepId() == null) {
      return false;
    }
    if (wait.kind() == Wait.Kind.CHILDREN) {
      if (!childFinished.apply(t, node, result)) {
        return false;
      }
      advance.run(t);
      return true;
    }
    if (wait.kind() != Wait.Kind.STEP || !wait.stepId().equals(result.stepId())) {
      return false;
    }
    t.usage = t.usage.plus(result.usage());
    if (result.succeeded()) {
      stepSucceeded.apply(t, node, result);
    } else {
      stepFailed.apply(t, node, result);
    }
    advance.run(t);
    return true;
  }

  /** Only the timer a running node awaits counts; the deadline counts once it has passed. */
  private boolean timer(Transition t, Input.TimerFired timer) {
    if ("deadline".equals(timer.kind())) {
      return deadlinePassed.apply(t);
    }
    WorkflowNode node = timer.nodeId() == null ? null : t.graph.node(timer.nodeId());
    if (t.status != ExecutionStatus.RUNNING || node == null) {
      return false;
    }
    Wait wait = t.node(node.id()).awaiting();
    if (wait == null || wait.timerId() == null || !wait.timerId().equals(timer.timerId())) {
      return false;
    }
    switch (wait.kind()) {
      case STEP, CHILDREN -> stepTimedOut.apply(t, node);
      case BACKOFF -> backoffEnded.apply(t, node);
      case DELAY -> delayEnded.apply(t, node);
    }
    advance.run(t);
    return true;
  }
}
