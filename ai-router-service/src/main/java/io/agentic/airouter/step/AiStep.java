package io.agentic.airouter.step;

import io.agentic.airouter.resilience.Deadline;
import io.agentic.airouter.router.AiOutcome;
import io.agentic.airouter.router.AiOutcome.Answered;
import io.agentic.airouter.router.AiOutcome.Failed;
import io.agentic.airouter.router.AiRouter;
import io.agentic.airouter.router.AiTask;
import io.agentic.airouter.router.AiTaskParser;
import io.agentic.airouter.router.CallContext;
import io.agentic.airouter.router.InvalidTaskException;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.execution.StepUsage;
import io.agentic.platform.kafka.ContractJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs one AI_PROCESSOR step: its data to a task, the task to the router, the outcome to a result.
 */
final class AiStep {

  static final String INVALID_INPUT = "INVALID_INPUT";

  private final AiRouter router;
  private final Duration defaultTimeout;
  private final Clock clock;

  AiStep(AiRouter router, Duration defaultTimeout, Clock clock) {
    this.router = router;
    this.defaultTimeout = defaultTimeout;
    this.clock = clock;
  }

  /**
   * A step's result, and whether it failed because its deadline came first.
   *
   * @param timedOut the step's deadline cut a provider call short or left a provider untried
   */
  record Ran(StepFinished result, boolean timedOut) {}

  Ran run(ExecuteStep step) {
    Instant started = clock.instant();
    AiTask task;
    try {
      task = AiTaskParser.parse(step.input());
    } catch (InvalidTaskException e) {
      return new Ran(
          finished(step, started, null, new StepError(INVALID_INPUT, e.getMessage(), false), null),
          false);
    }
    Duration timeout = step.timeoutMs() > 0 ? Duration.ofMillis(step.timeoutMs()) : defaultTimeout;
    AiOutcome outcome =
        router.answer(
            task,
            new CallContext(step.stepId(), step.executionId(), step.userId()),
            Deadline.after(timeout, clock));
    StepUsage usage =
        new StepUsage(
            outcome.spend().aiCalls(), outcome.spend().totalTokens(), outcome.spend().costUsd());
    return switch (outcome) {
      case Answered answered ->
          new Ran(finished(step, started, wire(answered), null, usage), false);
      case Failed failed ->
          new Ran(
              finished(
                  step,
                  started,
                  null,
                  new StepError(failed.code(), failed.message(), failed.retryable()),
                  usage),
              failed.deadlineReached());
    };
  }

  private StepFinished finished(
      ExecuteStep step, Instant started, Object output, StepError error, StepUsage usage) {
    return new StepFinished(
        step.stepId(),
        step.executionId(),
        step.nodeId(),
        step.attempt(),
        error == null,
        output,
        error,
        usage,
        started,
        clock.instant());
  }

  /** The output as plain JSON values, the same on the wire and in the recorded result. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> wire(Answered answered) {
    return ContractJson.mapper().convertValue(answered.output(), Map.class);
  }
}
