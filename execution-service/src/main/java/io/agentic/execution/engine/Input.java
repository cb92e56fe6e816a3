package io.agentic.execution.engine;

import io.agentic.contracts.execution.CancelExecution;
import io.agentic.contracts.execution.ExecutionCommand;
import io.agentic.contracts.execution.FireTimer;
import io.agentic.contracts.execution.RetryExecution;
import io.agentic.contracts.execution.StartExecution;
import io.agentic.contracts.execution.StepFinished;

/** What can move an execution: a command to its orchestrator, or a step's result. */
public sealed interface Input {

  /** Unique per command, so a redelivered command is applied once; null for step results. */
  String commandId();

  record Start(String commandId) implements Input {}

  record StepResult(StepFinished result) implements Input {
    @Override
    public String commandId() {
      return null;
    }
  }

  /**
   * A durable timer came due.
   *
   * @param kind {@code delay}, {@code backoff}, {@code timeout} or {@code deadline}
   */
  record TimerFired(String commandId, String timerId, String kind, String nodeId, int attempt)
      implements Input {}

  record Cancel(String commandId, String requestedBy, String reason) implements Input {}

  record Retry(String commandId, String requestedBy) implements Input {}

  static Input of(ExecutionCommand command) {
    return switch (command) {
      case StartExecution s -> new Start(s.commandId());
      case CancelExecution c -> new Cancel(c.commandId(), c.requestedBy(), c.reason());
      case RetryExecution r -> new Retry(r.commandId(), r.requestedBy());
      case FireTimer f ->
          new TimerFired(f.commandId(), f.timerId(), f.kind(), f.nodeId(), f.attempt());
    };
  }

  static Input of(StepFinished result) {
    return new StepResult(result);
  }
}
