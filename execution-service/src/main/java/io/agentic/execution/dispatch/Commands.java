package io.agentic.execution.dispatch;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.CancelExecution;
import io.agentic.contracts.execution.ExecutionCommand;
import io.agentic.contracts.execution.RetryExecution;
import io.agentic.platform.problem.ApiException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends commands to the orchestrator that owns an execution. The REST layer never changes an
 * execution's state itself: it asks, and the single writer decides.
 */
@Component
public class Commands {

  private final KafkaTemplate<String, Object> kafka;
  private final Clock clock;

  Commands(KafkaTemplate<String, Object> kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
  }

  public void cancel(String executionId, String requestedBy, String reason) {
    send(new CancelExecution(newId(), executionId, requestedBy, reason, clock.instant()));
  }

  public void retry(String executionId, String requestedBy) {
    send(new RetryExecution(newId(), executionId, requestedBy, clock.instant()));
  }

  private void send(ExecutionCommand command) {
    try {
      kafka
          .send(Topics.EXECUTION_COMMANDS, command.executionId(), command)
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    } catch (Exception e) {
      throw unavailable();
    }
  }

  private static ApiException unavailable() {
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "UNAVAILABLE",
        "The command could not be delivered now; try again shortly");
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
