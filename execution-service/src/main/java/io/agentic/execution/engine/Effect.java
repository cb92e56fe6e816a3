package io.agentic.execution.engine;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.execution.StepFinished;
import java.time.Instant;

/** What a decision asks the world to do, in order, once its new state is stored. */
public sealed interface Effect {

  /** Send a step to the workers of its node type. */
  record DispatchStep(String topic, ExecuteStep step) implements Effect {}

  /**
   * Fire {@code timerId} at {@code dueAt} (as a {@code FireTimer} command).
   *
   * @param kind {@code delay}, {@code backoff} or {@code timeout}
   */
  record ScheduleTimer(String timerId, String kind, String nodeId, int attempt, Instant dueAt)
      implements Effect {}

  /** A scheduled timer is no longer needed; firing it anyway would be ignored. */
  record CancelTimer(String timerId) implements Effect {}

  /** Append an event to the execution's event log. */
  record Emit(ExecutionProgressed event) implements Effect {}

  /** The execution reached a terminal status. */
  record Finish(ExecutionStatus status) implements Effect {}

  /** Create the child execution (once, by its id) and start it. */
  record StartChild(ChildStart child) implements Effect {}

  /** Cancel a running child execution: its parent no longer waits for it. */
  record CancelChild(String executionId, String reason) implements Effect {}

  /**
   * This child execution ended: tell the node waiting for it, as a step result keyed by the
   * parent's id whose step id is this execution's id.
   */
  record ReportToParent(StepFinished result) implements Effect {}
}
