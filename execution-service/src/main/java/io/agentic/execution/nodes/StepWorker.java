package io.agentic.execution.nodes;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.execution.engine.ExecutionStatus;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.platform.observability.ExecutionLogContext;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs HTTP and DATABASE steps (AI steps belong to ai-router-service). Delivery is at least once: a
 * step whose result is recorded is answered with that result; one without runs (again), so an
 * external side effect happens at most twice, both times under the step id. The offset is committed
 * after the result is published. Every step taken is timed ({@link StepMetrics}), and everything
 * logged while handling it carries its execution and node ids.
 */
@Component
class StepWorker {

  private static final Logger log = LoggerFactory.getLogger(StepWorker.class);

  private final NodeSteps steps;
  private final StepResultStore results;
  private final ExecutionStore executions;
  private final KafkaTemplate<String, Object> kafka;
  private final StepMetrics metrics;
  private final Clock clock;

  StepWorker(
      NodeSteps steps,
      StepResultStore results,
      ExecutionStore executions,
      KafkaTemplate<String, Object> kafka,
      StepMetrics metrics,
      Clock clock) {
    this.steps = steps;
    this.results = results;
    this.executions = executions;
    this.kafka = kafka;
    this.metrics = metrics;
    this.clock = clock;
  }

  @KafkaListener(
      id = "execution-step-worker",
      topics = {Topics.STEPS_HTTP, Topics.STEPS_DATABASE},
      groupId = "execution-service-steps",
      containerFactory = "workerListenerFactory")
  void on(ExecuteStep step) throws Exception {
    try (var logs = ExecutionLogContext.open(step.executionId(), step.nodeId())) {
      Timer.Sample taken = metrics.start();
      Optional<StepFinished> recorded = results.find(step.stepId());
      if (recorded.isPresent()) {
        // Counted when it ran; this is only its answer sent again.
        publish(recorded.get());
        return;
      }
      Optional<ExecutionStatus> status = executions.status(step.executionId());
      if (status.isEmpty() || status.get().isTerminal()) {
        // Cancelled (or otherwise ended): the orchestrator no longer waits for this step.
        log.debug("Skipping step {}: execution is {}", step.stepId(), status.orElse(null));
        metrics.skipped(step.nodeType(), taken);
        return;
      }
      StepFinished result = run(step);
      metrics.ran(step.nodeType(), result, taken);
      publish(results.recordIfAbsent(result));
    }
  }

  private StepFinished run(ExecuteStep step) {
    Instant started = clock.instant();
    return steps
        .forType(step.nodeType())
        .map(
            nodeStep -> {
              try {
                StepFinished result = nodeStep.execute(step);
                return result != null
                    ? result
                    : failed(step, started, "STEP_FAILED", "The step gave no result");
              } catch (RuntimeException e) {
                log.error("Step {} threw; NodeStep implementations must not", step.stepId(), e);
                return failed(step, started, "STEP_FAILED", "The step failed unexpectedly");
              }
            })
        .orElseGet(
            () ->
                failed(
                    step,
                    started,
                    "NOT_SUPPORTED_YET",
                    step.nodeType() + " steps cannot run yet in this version"));
  }

  private StepFinished failed(ExecuteStep step, Instant started, String code, String message) {
    return new StepFinished(
        step.stepId(),
        step.executionId(),
        step.nodeId(),
        step.attempt(),
        false,
        null,
        new StepError(code, message, false),
        null,
        started,
        clock.instant());
  }

  private void publish(StepFinished result) throws Exception {
    kafka.send(Topics.STEP_RESULTS, result.executionId(), result).get(10, TimeUnit.SECONDS);
  }
}
