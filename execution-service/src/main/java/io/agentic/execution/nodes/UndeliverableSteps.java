package io.agentic.execution.nodes;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.platform.observability.ExecutionLogContext;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * A step that landed in a dead-letter topic (its worker could not process it) fails its attempt at
 * once, instead of leaving the node to its timeout. The failure is retryable: the node's retry
 * policy decides whether another attempt follows. Recorded like any result, so it is sent once per
 * step even if the dead letter is read again.
 */
@Component
class UndeliverableSteps {

  private final StepResultStore results;
  private final KafkaTemplate<String, Object> kafka;
  private final Clock clock;

  UndeliverableSteps(StepResultStore results, KafkaTemplate<String, Object> kafka, Clock clock) {
    this.results = results;
    this.kafka = kafka;
    this.clock = clock;
  }

  @KafkaListener(
      id = "execution-undeliverable-steps",
      topics = {
        Topics.STEPS_AI + Topics.DLT_SUFFIX,
        Topics.STEPS_HTTP + Topics.DLT_SUFFIX,
        Topics.STEPS_DATABASE + Topics.DLT_SUFFIX
      },
      groupId = "execution-service-dlt",
      containerFactory = "loggingListenerFactory")
  void on(ExecuteStep step) throws Exception {
    if (step == null || step.executionId() == null || step.stepId() == null) {
      return;
    }
    try (var logs = ExecutionLogContext.open(step.executionId(), step.nodeId())) {
      fail(step);
    }
  }

  private void fail(ExecuteStep step) throws Exception {
    Instant now = clock.instant();
    StepFinished failed =
        new StepFinished(
            step.stepId(),
            step.executionId(),
            step.nodeId(),
            step.attempt(),
            false,
            null,
            new StepError("STEP_UNDELIVERABLE", "No worker could process this step", true),
            null,
            now,
            now);
    StepFinished recorded = results.recordIfAbsent(failed);
    kafka.send(Topics.STEP_RESULTS, recorded.executionId(), recorded).get(10, TimeUnit.SECONDS);
  }
}
