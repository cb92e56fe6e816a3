package io.agentic.execution.events;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecutionProgressed;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code execution.events.v1} in a consumer group of this instance's own, from the latest
 * offset: every instance sees every execution's events whichever orchestrator emitted them, and
 * hands each on in-process (to open event streams and to waiting requests).
 */
@Component
class LiveEvents {

  private final ApplicationEventPublisher publisher;
  private final String groupId = "execution-live-" + UUID.randomUUID();

  LiveEvents(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  /** The consumer group of this instance's listener, used by its {@code @KafkaListener}. */
  public String getGroupId() {
    return groupId;
  }

  @KafkaListener(
      id = "execution-live-events",
      topics = Topics.EXECUTION_EVENTS,
      groupId = "#{__listener.groupId}",
      properties = "auto.offset.reset=latest")
  void on(ExecutionProgressed event) {
    if (event != null && event.executionId() != null) {
      publisher.publishEvent(event);
    }
  }
}
