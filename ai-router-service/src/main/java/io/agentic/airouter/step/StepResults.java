package io.agentic.airouter.step;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.StepFinished;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes step results to {@code execution.step-results.v1}, keyed by execution id. */
final class StepResults {

  private final KafkaTemplate<String, Object> kafka;
  private final Duration timeout;

  StepResults(KafkaTemplate<String, Object> kafka, Duration timeout) {
    this.kafka = kafka;
    this.timeout = timeout;
  }

  /** Returns once the broker has the result, so the step's offset is committed only after it. */
  void publish(StepFinished result) {
    try {
      kafka
          .send(Topics.STEP_RESULTS, result.executionId(), result)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing step " + result.stepId(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not publish the result of " + result.stepId(), e);
    }
  }
}
