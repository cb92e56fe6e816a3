package io.agentic.execution.dispatch;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.CancelExecution;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.execution.engine.Decision;
import io.agentic.execution.engine.Effect;
import io.agentic.execution.engine.Engine;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.Input;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.OutboxEntry;
import io.agentic.execution.store.RunningExecutions;
import io.agentic.execution.store.StoredExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies one input to one execution: decide, store the new state and its outbox in one guarded
 * update, then carry out the outbox. Called by the orchestrator, the owner of the execution's
 * partition, so version conflicts only happen around a rebalance; they are resolved by deciding
 * again on the fresh state.
 */
@Component
class Transitions {

  private static final Logger log = LoggerFactory.getLogger(Transitions.class);
  private static final int ATTEMPTS = 5;

  private final Engine engine;
  private final ExecutionStore executions;
  private final RunningExecutions running;
  private final OutboxPublisher publisher;
  private final ChildLauncher children;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Transitions(
      Engine engine,
      ExecutionStore executions,
      RunningExecutions running,
      OutboxPublisher publisher,
      ChildLauncher children,
      ApplicationEventPublisher events,
      Clock clock) {
    this.engine = engine;
    this.executions = executions;
    this.running = running;
    this.publisher = publisher;
    this.children = children;
    this.events = events;
    this.clock = clock;
  }

  void apply(String executionId, Input input) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<StoredExecution> found = executions.findWhole(executionId);
      if (found.isEmpty()) {
        log.warn(
            "Ignoring {} for unknown execution {}", input.getClass().getSimpleName(), executionId);
        return;
      }
      StoredExecution stored = found.get();
      Instant now = clock.instant();
      Decision decision = engine.decide(stored.state(), withChildOutputs(executionId, input), now);
      if (!decision.changed()) {
        return;
      }
      List<OutboxEntry> added = outbox(stored, decision.effects(), now);
      Optional<ExecutionState> committed = executions.commit(stored, decision.state(), added);
      if (committed.isPresent()) {
        List<OutboxEntry> pending = new ArrayList<>(stored.outbox());
        pending.addAll(added);
        publisher.flush(executionId, pending);
        for (Effect effect : decision.effects()) {
          if (effect instanceof Effect.Finish f) {
            if (decision.state().parent() == null) {
              running.remove(executionId);
            }
            events.publishEvent(new ExecutionFinished(executionId, f.status(), committed.get()));
          }
        }
        return;
      }
      log.info("Execution {} changed concurrently; deciding again", executionId);
    }
    throw new IllegalStateException(
        "Execution " + executionId + " kept changing concurrently; giving up on this input");
  }

  /**
   * A child whose outputs were too large to travel reports without them: they are read from its
   * stored state.
   */
  private Input withChildOutputs(String executionId, Input input) {
    if (!(input instanceof Input.StepResult(StepFinished r))
        || !r.succeeded()
        || r.output() != null
        || r.stepId() == null) {
      return input;
    }
    return executions
        .findWhole(r.stepId())
        .map(StoredExecution::state)
        .filter(c -> c.parent() != null && executionId.equals(c.parent().executionId()))
        .<Input>map(
            child ->
                new Input.StepResult(
                    new StepFinished(
                        r.stepId(),
                        r.executionId(),
                        r.nodeId(),
                        r.attempt(),
                        true,
                        child.outputs(),
                        null,
                        r.usage(),
                        r.startedAt(),
                        r.finishedAt())))
        .orElse(input);
  }

  private List<OutboxEntry> outbox(StoredExecution stored, List<Effect> effects, Instant now) {
    String id = stored.id();
    List<OutboxEntry> entries = new ArrayList<>();
    for (Effect effect : effects) {
      switch (effect) {
        case Effect.DispatchStep d ->
            entries.add(OutboxEntry.message(d.topic(), id, d.step(), now));
        case Effect.Emit e ->
            entries.add(OutboxEntry.message(Topics.EXECUTION_EVENTS, id, e.event(), now));
        case Effect.ScheduleTimer t ->
            entries.add(OutboxEntry.timer(id, stored.partition(), t, now));
        case Effect.CancelTimer c -> entries.add(OutboxEntry.untimer(id, c.timerId(), now));
        case Effect.StartChild c -> entries.add(children.prepare(c.child(), now));
        case Effect.CancelChild c ->
            entries.add(
                OutboxEntry.message(
                    Topics.EXECUTION_COMMANDS,
                    c.executionId(),
                    new CancelExecution(
                        id + ":cancel:" + c.executionId(), c.executionId(), null, c.reason(), now),
                    now));
        case Effect.ReportToParent r ->
            entries.add(
                OutboxEntry.message(
                    Topics.STEP_RESULTS, r.result().executionId(), r.result(), now));
        case Effect.Finish f -> {}
      }
    }
    return entries;
  }
}
